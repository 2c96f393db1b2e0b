package io.schedulr.calcom.application.port.in;

/** A command or query with a bad value; {@code field} names it as the caller spelled it (e.g. {@code attendee.email}). */
public class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super("Field '" + field + "' " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

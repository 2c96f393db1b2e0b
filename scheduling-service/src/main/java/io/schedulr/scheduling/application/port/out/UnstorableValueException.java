package io.schedulr.scheduling.application.port.out;

/**
 * The database refused a row's own values (a NUL character in a text, a time out of its range, a check of the row):
 * storing the same values again can never pass. Requests are checked before they get this far; a change arriving from another system is skipped.
 */
public class UnstorableValueException extends RuntimeException {
    public UnstorableValueException(Throwable cause) {
        super("a value cannot be stored: " + cause.getMessage(), cause);
    }
}

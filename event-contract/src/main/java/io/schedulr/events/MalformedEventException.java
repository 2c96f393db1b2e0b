package io.schedulr.events;

/** A record that is not a valid event of the contract; consumers log it and dead-letter it. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedEventException(String message) {
        super(message);
    }
}

package io.schedulr.deploy;

/** A start-up problem the person at the terminal can act on; its message is printed as is, without a stack trace. */
public final class StackException extends Exception {
    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}

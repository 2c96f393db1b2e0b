package io.schedulr.calendarsync.application;

/** Google did not answer usefully (down, throttling, 5xx) after the retries; the caller may try again later. */
public class GoogleUnavailableException extends RuntimeException {
    public GoogleUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

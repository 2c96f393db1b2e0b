package io.schedulr.notification.application.port.out;

/**
 * The mail server could not be reached at all (down, refusing connections, or our circuit breaker is open): no fault
 * of the invitation being sent, so it does not count as an attempt of that delivery.
 */
public class MailServerUnavailableException extends RuntimeException {
    public MailServerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

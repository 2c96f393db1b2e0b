package io.schedulr.scheduling.application.port.out.interview;

/** notification-service could not be asked what became of an interview's mails (not configured, down, slow or odd). */
public class InvitationMailsUnavailableException extends RuntimeException {
    public InvitationMailsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

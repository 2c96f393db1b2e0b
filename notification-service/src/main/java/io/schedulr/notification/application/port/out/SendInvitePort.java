package io.schedulr.notification.application.port.out;

import io.schedulr.notification.domain.Invitation;
import io.smallrye.mutiny.Uni;

/** Sends one iMIP invitation mail. */
public interface SendInvitePort {

    /**
     * @param messageKey stable for this delivery, so a resend carries the same Message-ID
     * @param traceContext the trace of the change this mail tells about (opaque; may be {@code null})
     * @return completes when the mail server accepted the message; fails with {@link MailServerUnavailableException}
     * when the server could not be reached at all, with anything else when this message was refused or could not be made
     */
    Uni<Void> send(Invitation invitation, String messageKey, String traceContext);
}

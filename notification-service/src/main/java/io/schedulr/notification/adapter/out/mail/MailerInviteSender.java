package io.schedulr.notification.adapter.out.mail;

import io.quarkus.mailer.Mail;
import io.schedulr.notification.application.port.out.MailServerUnavailableException;
import io.schedulr.notification.application.port.out.SendInvitePort;
import io.schedulr.notification.config.MailIdentity;
import io.schedulr.notification.domain.Invitation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.time.Clock;

/**
 * Makes the iMIP mail of an invitation and sends it through {@link SmtpTransport}. An open circuit breaker or a server
 * that never answered within the timeout is reported as {@link MailServerUnavailableException}: the mail server's
 * state, not a failure of this delivery.
 */
@ApplicationScoped
public class MailerInviteSender implements SendInvitePort {
    private final SmtpTransport transport;
    private final MailIdentity identity;
    private final Clock clock;

    public MailerInviteSender(SmtpTransport transport, MailIdentity identity, Clock clock) {
        this.transport = transport;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public Uni<Void> send(Invitation invitation, String messageKey) {
        return Uni.createFrom().deferred(() -> transport.send(compose(invitation, messageKey)))
                .onFailure(e -> e instanceof CircuitBreakerOpenException || e instanceof TimeoutException)
                .transform(e -> new MailServerUnavailableException("the SMTP server is unavailable: " + e.getMessage(), e));
    }

    Mail compose(Invitation invitation, String messageKey) {
        String ics = IcsInviteCalendar.render(invitation, identity.address(), clock.instant());
        InviteMailContent content = InviteMailContent.of(invitation);
        ImipMimeBody mime = ImipMimeBody.of(content, ics, invitation.method());
        Mail mail = Mail.withText(invitation.recipient().email(), content.subject(), mime.body());
        mail.setFrom(identity.fromHeader());
        mail.setReplyTo(invitation.meeting().organizer().email());
        mail.addHeader("Message-ID", identity.messageId(messageKey));
        mail.addHeader("Content-Type", mime.contentType());
        mail.addHeader("Content-Transfer-Encoding", "7bit");
        mail.addHeader("Content-Class", "urn:content-classes:calendarmessage");
        return mail;
    }
}

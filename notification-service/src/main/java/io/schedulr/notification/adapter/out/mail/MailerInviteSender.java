package io.schedulr.notification.adapter.out.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.schedulr.notification.application.port.out.SendInvitePort;
import io.schedulr.notification.config.MailIdentity;
import io.schedulr.notification.domain.Invitation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Sends iMIP mails over SMTP with quarkus-mailer. Retries with exponential backoff; a circuit breaker stops hammering
 * a server that is down, so the dispatcher parks the delivery quickly and moves on. (Values shortened in %test.)
 */
@ApplicationScoped
public class MailerInviteSender implements SendInvitePort {
    private final ReactiveMailer mailer;
    private final MailIdentity identity;
    private final Clock clock;

    public MailerInviteSender(ReactiveMailer mailer, MailIdentity identity, Clock clock) {
        this.mailer = mailer;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    @Retry(maxRetries = 3, delay = 500, jitter = 100, maxDuration = 60, durationUnit = ChronoUnit.SECONDS,
            abortOn = CircuitBreakerOpenException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 8000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30000)
    @Timeout(30000)
    public Uni<Void> send(Invitation invitation, String messageKey) {
        return Uni.createFrom().deferred(() -> mailer.send(compose(invitation, messageKey)));
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

package io.schedulr.notification.adapter.out.mail;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.mailer.Mail;
import io.schedulr.kit.tracing.TraceParents;
import io.schedulr.notification.application.port.out.MailServerUnavailableException;
import io.schedulr.notification.application.port.out.SendInvitePort;
import io.schedulr.notification.config.MailIdentity;
import io.schedulr.notification.domain.InterviewChange;
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
    private final Tracer tracer;
    private final WebAppLinks links;

    public MailerInviteSender(SmtpTransport transport, MailIdentity identity, Clock clock, OpenTelemetry openTelemetry, WebAppLinks links) {
        this.transport = transport;
        this.identity = identity;
        this.clock = clock;
        this.links = links;
        this.tracer = openTelemetry.getTracer("io.schedulr.notification.mail");
    }

    /** The send is a span of the trace that queued the mail (the booking's), so one booking is one trace up to SMTP. */
    @Override
    public Uni<Void> send(Invitation invitation, String messageKey, String traceContext) {
        Span span = tracer.spanBuilder("smtp send").setParent(TraceParents.parse(traceContext)).setSpanKind(SpanKind.CLIENT)
                .setAttribute("schedulr.invitation.method", invitation.method().name())
                .setAttribute("schedulr.meeting.id", invitation.meeting().roomId())
                .startSpan();
        return Uni.createFrom().deferred(() -> transport.send(compose(invitation, messageKey)))
                .onFailure(e -> e instanceof CircuitBreakerOpenException || e instanceof TimeoutException)
                .transform(e -> new MailServerUnavailableException("the SMTP server is unavailable: " + e.getMessage(), e))
                .onItemOrFailure().invoke((ok, failure) -> {
                    if (failure != null) {
                        span.setStatus(StatusCode.ERROR, failure.getMessage() == null ? failure.toString() : failure.getMessage());
                    }
                    span.end();
                });
    }

    Mail compose(Invitation invitation, String messageKey) {
        String ics = IcsInviteCalendar.render(invitation, identity.address(), clock.instant());
        InviteMailContent content = InviteMailContent.of(invitation, links);
        ImipMimeBody mime = ImipMimeBody.of(content, ics, invitation.method());
        Mail mail = Mail.withText(invitation.recipient().email(), MailSubjects.header(content.subject()), mime.body());
        mail.setFrom(identity.fromHeader());
        // The CANCEL to a replaced primary interviewer's old address names that address as its organizer (so a calendar
        // matches it); a Reply-To back to the very address the interview no longer names would help nobody.
        if (!noLongerInvited(invitation) || !invitation.meeting().organizer().sameAddress(invitation.recipient())) {
            mail.setReplyTo(invitation.meeting().organizer().email());
        }
        mail.addHeader("Message-ID", identity.messageId(messageKey));
        mail.addHeader("Content-Type", mime.contentType());
        mail.addHeader("Content-Transfer-Encoding", "7bit");
        mail.addHeader("Content-Class", "urn:content-classes:calendarmessage");
        return mail;
    }

    private static boolean noLongerInvited(Invitation invitation) {
        return invitation.meeting().interview() != null && invitation.meeting().interview().change() == InterviewChange.NO_LONGER_INVITED;
    }
}

package io.schedulr.notification.adapter.out.mail;

import io.quarkus.mailer.Mail;
import io.schedulr.notification.application.port.out.SendReminderPort;
import io.schedulr.notification.config.MailIdentity;
import io.schedulr.notification.domain.DueReminder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Sends a reminder through {@link SmtpTransport} (the invitations' retry policy and breaker): a plain
 * {@code multipart/alternative} mail (text and HTML, no calendar part), From the system address, Reply-To the organizer,
 * with a Message-ID stable per reminder, so a resend after a crash is recognisable.
 */
@ApplicationScoped
public class MailerReminderSender implements SendReminderPort {
    private final SmtpTransport transport;
    private final MailIdentity identity;
    private final WebAppLinks links;

    public MailerReminderSender(SmtpTransport transport, MailIdentity identity, WebAppLinks links) {
        this.transport = transport;
        this.identity = identity;
        this.links = links;
    }

    @Override
    public Uni<Void> send(DueReminder reminder, Instant now) {
        return Uni.createFrom().deferred(() -> transport.send(compose(reminder, now)));
    }

    Mail compose(DueReminder reminder, Instant now) {
        ReminderMailContent content = ReminderMailContent.of(reminder, now, links);
        Mail mail = Mail.withText(reminder.recipient().person().email(), MailSubjects.header(content.subject()), content.text())
                .setHtml(content.html());
        mail.setFrom(identity.fromHeader());
        mail.setReplyTo(reminder.session().people().get(0).person().email());
        mail.addHeader("Message-ID", identity.messageId(reminder.messageKey()));
        return mail;
    }
}

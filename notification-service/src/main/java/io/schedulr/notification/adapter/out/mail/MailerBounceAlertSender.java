package io.schedulr.notification.adapter.out.mail;

import io.quarkus.mailer.Mail;
import io.schedulr.notification.application.port.out.SendBounceAlertPort;
import io.schedulr.notification.config.MailIdentity;
import io.schedulr.notification.domain.BounceAlert;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends a bounce alert through {@link SmtpTransport} (the invitations' retry policy and breaker): a plain
 * {@code multipart/alternative} mail From the system address to the organizer, with a Message-ID stable per alert, so a resend
 * after a crash is recognisable. No Reply-To: the only other address the mail names is the one that did not work.
 */
@ApplicationScoped
public class MailerBounceAlertSender implements SendBounceAlertPort {
    private final SmtpTransport transport;
    private final MailIdentity identity;
    private final WebAppLinks links;

    public MailerBounceAlertSender(SmtpTransport transport, MailIdentity identity, WebAppLinks links) {
        this.transport = transport;
        this.identity = identity;
        this.links = links;
    }

    @Override
    public Uni<Void> send(BounceAlert alert) {
        return Uni.createFrom().deferred(() -> transport.send(compose(alert)));
    }

    Mail compose(BounceAlert alert) {
        BounceAlertMailContent content = BounceAlertMailContent.of(alert, links);
        Mail mail = Mail.withText(alert.mail().organizer().email(), MailSubjects.header(content.subject()), content.text())
                .setHtml(content.html());
        mail.setFrom(identity.fromHeader());
        mail.addHeader("Message-ID", identity.messageId(alert.messageKey()));
        return mail;
    }
}

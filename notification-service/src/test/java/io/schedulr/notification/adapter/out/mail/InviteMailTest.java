package io.schedulr.notification.adapter.out.mail;

import io.schedulr.notification.domain.Invitation;
import io.schedulr.notification.domain.InviteMethod;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static io.schedulr.notification.support.Fixtures.GUEST;
import static io.schedulr.notification.support.Fixtures.HOST;
import static io.schedulr.notification.support.Fixtures.invitation;
import static org.assertj.core.api.Assertions.assertThat;

class InviteMailTest {

    @Test
    void bodiesGiveTheTimeInTheRecipientsZoneWithItsName() {
        InviteMailContent toGuest = InviteMailContent.of(invitation(InviteMethod.REQUEST, 0, GUEST));
        assertThat(toGuest.text()).contains("Tuesday, 3 June 2025, 08:00 \u2013 09:00 (America/New_York, EDT)");
        assertThat(toGuest.html()).contains("Tuesday, 3 June 2025, 08:00 \u2013 09:00 (America/New_York, EDT)");
        assertThat(toGuest.subject()).startsWith("Invitation: Piano practice with Hanna Host");

        InviteMailContent toHost = InviteMailContent.of(invitation(InviteMethod.REQUEST, 0, HOST));
        assertThat(toHost.text()).contains("Tuesday, 3 June 2025, 14:00 \u2013 15:00 (Europe/Berlin, CEST)")
                .contains("https://meet.example.com/room-1");
        assertThat(toHost.subject()).contains("with Gustav Guest");

        InviteMailContent cancel = InviteMailContent.of(invitation(InviteMethod.CANCEL, 1, HOST));
        assertThat(cancel.subject()).startsWith("Cancelled: ");
        assertThat(cancel.text()).contains("has been cancelled");
    }

    @Test
    void htmlEscapesNames() {
        var evil = new io.schedulr.notification.domain.Person("x@example.com", "<script>alert(1)</script>", "UTC");
        var meeting = new io.schedulr.notification.domain.Meeting("r", "u", 0, io.schedulr.notification.support.Fixtures.START,
                io.schedulr.notification.support.Fixtures.END, "A & B", null, HOST, evil);
        InviteMailContent content = InviteMailContent.of(new Invitation("e", InviteMethod.REQUEST, meeting, HOST));
        assertThat(content.html()).doesNotContain("<script>").contains("&lt;script&gt;").contains("A &amp; B");
    }

    @Test
    void theMimeTreeIsMixedAlternativeWithCalendarPlusAttachment() throws Exception {
        Invitation invitation = invitation(InviteMethod.CANCEL, 4, GUEST);
        String ics = IcsInviteCalendar.render(invitation, "notifications@schedulr.local", java.time.Instant.now());
        ImipMimeBody mime = ImipMimeBody.of(InviteMailContent.of(invitation), ics, InviteMethod.CANCEL);

        assertThat(mime.body()).doesNotContain("\r").matches("\\p{ASCII}*");
        String raw = "MIME-Version: 1.0\r\nContent-Type: " + mime.contentType() + "\r\nSubject: t\r\n\r\n"
                + mime.body().replace("\n", "\r\n");
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));

        assertThat(message.getContentType()).startsWith("multipart/mixed");
        Multipart mixed = (Multipart) message.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        BodyPart alternativePart = mixed.getBodyPart(0);
        assertThat(alternativePart.getContentType()).startsWith("multipart/alternative");
        Multipart alternative = (Multipart) alternativePart.getContent();
        assertThat(alternative.getCount()).isEqualTo(3);
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html; charset=UTF-8");
        assertThat(alternative.getBodyPart(2).getContentType()).isEqualTo("text/calendar; method=CANCEL; charset=UTF-8");
        assertThat(new String(alternative.getBodyPart(2).getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(ics);
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("America/New_York");

        BodyPart attachment = mixed.getBodyPart(1);
        assertThat(attachment.getContentType()).startsWith("application/ics");
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo("invite.ics");
        assertThat(new String(attachment.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(ics);
    }
}

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
    static final WebAppLinks LINKS = new WebAppLinks("https://schedulr.example.com");

    @Test
    void bodiesGiveTheTimeInTheRecipientsZoneWithItsName() {
        InviteMailContent toGuest = InviteMailContent.of(invitation(InviteMethod.REQUEST, 0, GUEST), LINKS);
        assertThat(toGuest.text()).contains("Tuesday, 3 June 2025, 08:00 \u2013 09:00 (America/New_York, EDT)");
        assertThat(toGuest.html()).contains("Tuesday, 3 June 2025, 08:00 \u2013 09:00 (America/New_York, EDT)");
        assertThat(toGuest.subject()).startsWith("Invitation: Piano practice with Hanna Host");

        InviteMailContent toHost = InviteMailContent.of(invitation(InviteMethod.REQUEST, 0, HOST), LINKS);
        assertThat(toHost.text()).contains("Tuesday, 3 June 2025, 14:00 \u2013 15:00 (Europe/Berlin, CEST)")
                .contains("https://meet.example.com/room-1");
        assertThat(toHost.subject()).contains("with Gustav Guest");

        InviteMailContent cancel = InviteMailContent.of(invitation(InviteMethod.CANCEL, 1, HOST), LINKS);
        assertThat(cancel.subject()).startsWith("Cancelled: ");
        assertThat(cancel.text()).contains("has been cancelled");
    }

    @Test
    void aSessionDuringWhichTheClocksChangeNamesEachTimesOwnOffset() {
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        // 27 October 2030, 03:00 CEST becomes 02:00 CET: a 45-minute session from 00:30 UTC ends at an earlier wall time.
        assertThat(InviteMailContent.when(java.time.Instant.parse("2030-10-27T00:30:00Z"), java.time.Instant.parse("2030-10-27T01:15:00Z"), berlin))
                .isEqualTo("Sunday, 27 October 2030, 02:30 CEST \u2013 02:15 CET (Europe/Berlin)");
        // 31 March 2030, 02:00 CET becomes 03:00 CEST: the same 45 minutes span an hour and three quarters of wall time.
        assertThat(InviteMailContent.when(java.time.Instant.parse("2030-03-31T00:30:00Z"), java.time.Instant.parse("2030-03-31T01:15:00Z"), berlin))
                .isEqualTo("Sunday, 31 March 2030, 01:30 CET \u2013 03:15 CEST (Europe/Berlin)");
        // Lord Howe Island moves its clocks by half an hour.
        assertThat(InviteMailContent.when(java.time.Instant.parse("2030-04-06T14:30:00Z"), java.time.Instant.parse("2030-04-06T15:30:00Z"),
                java.time.ZoneId.of("Australia/Lord_Howe")))
                .isEqualTo("Sunday, 7 April 2030, 01:30 LHDT \u2013 02:00 LHST (Australia/Lord_Howe)");
        // An ordinary day keeps its one name.
        assertThat(InviteMailContent.when(java.time.Instant.parse("2030-10-28T00:30:00Z"), java.time.Instant.parse("2030-10-28T01:15:00Z"), berlin))
                .isEqualTo("Monday, 28 October 2030, 01:30 \u2013 02:15 (Europe/Berlin, CET)");
    }

    @Test
    void htmlEscapesNames() {
        var evil = new io.schedulr.notification.domain.Person("x@example.com", "<script>alert(1)</script>", "UTC");
        var meeting = new io.schedulr.notification.domain.Meeting("r", "u", 0, io.schedulr.notification.support.Fixtures.START,
                io.schedulr.notification.support.Fixtures.END, "A & B", null, HOST, evil);
        InviteMailContent content = InviteMailContent.of(new Invitation("e", InviteMethod.REQUEST, meeting, HOST), LINKS);
        assertThat(content.html()).doesNotContain("<script>").contains("&lt;script&gt;").contains("A &amp; B");
    }

    @Test
    void theMimeTreeIsMixedAlternativeWithCalendarPlusAttachment() throws Exception {
        Invitation invitation = invitation(InviteMethod.CANCEL, 4, GUEST);
        String ics = IcsInviteCalendar.render(invitation, "notifications@schedulr.local", java.time.Instant.now());
        ImipMimeBody mime = ImipMimeBody.of(InviteMailContent.of(invitation, LINKS), ics, InviteMethod.CANCEL);

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

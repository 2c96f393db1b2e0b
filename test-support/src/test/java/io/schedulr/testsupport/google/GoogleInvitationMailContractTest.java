package io.schedulr.testsupport.google;

import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttendee;
import io.schedulr.testsupport.Mailboxes;
import io.schedulr.testsupport.TestInfra;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.schedulr.testsupport.google.GoogleCalendarContractTest.event;
import static io.schedulr.testsupport.google.GoogleCalendarContractTest.secondaryCalendar;
import static io.schedulr.testsupport.google.GoogleCalendarContractTest.time;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local Google mails attendees as Google does for {@code sendUpdates=all}: iMIP REQUEST/CANCEL through the real
 * SMTP server of test-support (read back over IMAP), with UID = the event's iCalUID and SEQUENCE = its sequence.
 */
class GoogleInvitationMailContractTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static LocalGoogle google;

    @BeforeAll
    static void start() throws Exception {
        google = LocalGoogle.start(0, RegisteredClient.development(), "localhost", TestInfra.get().smtpPort());
    }

    @AfterAll
    static void stop() {
        google.close();
    }

    @Test
    void insertPatchAndDeleteWithSendUpdatesAllMailTheAttendeeRequestUpdatedRequestAndCancel() throws Exception {
        ConnectedUser host = ConnectedUser.connect(google);
        String guest = "guest-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String calendarId = secondaryCalendar(host);
        String uid = "room-" + UUID.randomUUID() + "@schedulr.io";

        Event inserted = host.calendar().events().insert(calendarId, event(uid, "2030-01-15T10:00:00Z", "2030-01-15T10:45:00Z")
                        .setAttendees(List.of(new EventAttendee().setEmail(guest).setDisplayName("Gail Guest"))))
                .setSendUpdates("all").execute();

        MimeMessage invitation = mails(guest, 1).get(0);
        assertThat(invitation.getSubject()).startsWith("Invitation: Practice session @ Tue Jan 15, 2030").endsWith("(" + guest + ")");
        assertThat(calendarMethod(invitation)).isEqualTo("REQUEST");
        String ics = ics(invitation);
        assertThat(ics).contains("METHOD:REQUEST", "UID:" + uid, "SEQUENCE:0", "STATUS:CONFIRMED", "SUMMARY:Practice session",
                "DTSTART:20300115T100000Z", "DTEND:20300115T104500Z", "ORGANIZER;CN=", ":mailto:" + host.email(), "mailto:" + guest);
        assertThat(ics.split("\nATTENDEE", -1)).as("one ATTENDEE: the guest").hasSize(2);
        assertThat(Mailboxes.inbox(host.email())).as("the organizer is not mailed").isEmpty();

        host.calendar().events().patch(calendarId, inserted.getId(), new Event().setStart(time("2030-01-16T10:00:00Z"))
                .setEnd(time("2030-01-16T10:45:00Z"))).setSendUpdates("all").execute();
        MimeMessage update = mails(guest, 2).get(1);
        assertThat(update.getSubject()).startsWith("Updated invitation: Practice session @ Wed Jan 16, 2030");
        assertThat(calendarMethod(update)).isEqualTo("REQUEST");
        assertThat(ics(update)).contains("UID:" + uid, "SEQUENCE:1", "DTSTART:20300116T100000Z");

        host.calendar().events().delete(calendarId, inserted.getId()).setSendUpdates("all").execute();
        MimeMessage cancel = mails(guest, 3).get(2);
        assertThat(cancel.getSubject()).startsWith("Canceled event: Practice session @ Wed Jan 16, 2030");
        assertThat(calendarMethod(cancel)).isEqualTo("CANCEL");
        assertThat(ics(cancel)).contains("METHOD:CANCEL", "UID:" + uid, "SEQUENCE:1", "STATUS:CANCELLED");

        String listed = control("/_control/mails?to=" + guest);
        assertThat(listed).contains("\"method\":\"REQUEST\"", "\"method\":\"CANCEL\"", "\"uid\":\"" + uid + "\"", "\"sequence\":1");
        assertThat(listed.split("\"to\"", -1)).hasSize(4);
    }

    @Test
    void aHostMovingOrDeletingInGooglesUiWithNotifyMailsTheAttendeeAndWithoutItNobody() throws Exception {
        ConnectedUser host = ConnectedUser.connect(google);
        String guest = "ui-guest-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String calendarId = secondaryCalendar(host);
        String uid = "room-" + UUID.randomUUID() + "@schedulr.io";
        host.calendar().events().insert(calendarId, event(uid, "2030-02-01T10:00:00Z", "2030-02-01T10:30:00Z")
                .setAttendees(List.of(new EventAttendee().setEmail(guest)))).setSendUpdates("none").execute();

        assertThat(Control.post(google, "events/move", "{\"email\":\"" + host.email() + "\",\"iCalUID\":\"" + uid
                + "\",\"start\":\"2030-02-02T09:00:00Z\",\"end\":\"2030-02-02T09:30:00Z\"}").statusCode()).isEqualTo(200);
        assertThat(Control.post(google, "events/move", "{\"email\":\"" + host.email() + "\",\"iCalUID\":\"" + uid
                + "\",\"start\":\"2030-02-03T09:00:00Z\",\"end\":\"2030-02-03T09:30:00Z\",\"sendUpdates\":\"all\"}").statusCode())
                .isEqualTo(200);
        MimeMessage update = mails(guest, 1).get(0);
        assertThat(ics(update)).contains("METHOD:REQUEST", "UID:" + uid, "SEQUENCE:2", "DTSTART:20300203T090000Z");

        assertThat(Control.post(google, "events/delete", "{\"email\":\"" + host.email() + "\",\"iCalUID\":\"" + uid
                + "\",\"sendUpdates\":\"all\"}").statusCode()).isEqualTo(200);
        assertThat(calendarMethod(mails(guest, 2).get(1))).isEqualTo("CANCEL");
        Thread.sleep(500);
        assertThat(Mailboxes.inbox(guest)).as("the move without notifying sent nothing").hasSize(2);
    }

    @Test
    void sendUpdatesNoneOrAbsentMailsNobody() throws Exception {
        ConnectedUser host = ConnectedUser.connect(google);
        String guest = "quiet-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String calendarId = secondaryCalendar(host);
        Event inserted = host.calendar().events().insert(calendarId, event("quiet-" + UUID.randomUUID() + "@schedulr.io",
                        "2030-02-01T09:00:00Z", "2030-02-01T10:00:00Z").setAttendees(List.of(new EventAttendee().setEmail(guest))))
                .setSendUpdates("none").execute();
        host.calendar().events().patch(calendarId, inserted.getId(), new Event().setSummary("Renamed")).execute();
        host.calendar().events().delete(calendarId, inserted.getId()).setSendUpdates("none").execute();

        // a later mail to someone else proves the mailer ran in between
        String other = "marker-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        host.calendar().events().insert(calendarId, event("marker-" + UUID.randomUUID() + "@schedulr.io", "2030-02-02T09:00:00Z",
                "2030-02-02T10:00:00Z").setAttendees(List.of(new EventAttendee().setEmail(other)))).setSendUpdates("externalOnly").execute();
        assertThat(mails(other, 1)).hasSize(1);
        assertThat(Mailboxes.inbox(guest)).isEmpty();
        assertThat(control("/_control/mails?to=" + guest)).isEqualTo("{\"mails\":[]}");
    }

    @Test
    void withoutAnSmtpServerTheMailsAreOnlyRecorded() throws Exception {
        try (LocalGoogle quiet = LocalGoogle.start(0, RegisteredClient.development())) {
            ConnectedUser host = ConnectedUser.connect(quiet);
            String guest = "recorded-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            host.calendar().events().insert(secondaryCalendar(host), event("rec-" + UUID.randomUUID() + "@schedulr.io",
                    "2030-03-01T09:00:00Z", "2030-03-01T10:00:00Z").setAttendees(List.of(new EventAttendee().setEmail(guest))))
                    .setSendUpdates("all").execute();
            String listed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(quiet.url() + "/_control/mails")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(listed).contains("\"to\":\"" + guest + "\"", "\"method\":\"REQUEST\"");
            Thread.sleep(500);
            assertThat(Mailboxes.inbox(guest)).isEmpty();
        }
    }

    private static List<MimeMessage> mails(String email, int count) {
        List<MimeMessage> mails = Mailboxes.awaitInbox(email, count, WAIT);
        assertThat(mails).as("mails to %s", email).hasSize(count);
        return mails;
    }

    private static String control(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(google.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String calendarMethod(MimeMessage message) throws Exception {
        return new ContentType(calendarPart(message).getContentType()).getParameter("method");
    }

    private static String ics(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        calendarPart(message).getDataHandler().writeTo(out);
        return out.toString(StandardCharsets.UTF_8).replace("\r\n ", "");
    }

    private static Part calendarPart(MimeMessage message) throws Exception {
        List<Part> leaves = new ArrayList<>();
        collect(message, leaves);
        return leaves.stream().filter(p -> {
            try {
                return p.getContentType().toLowerCase().startsWith("text/calendar");
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no text/calendar part"));
    }

    private static void collect(Part part, List<Part> into) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, into);
            }
        } else {
            into.add(part);
        }
    }
}

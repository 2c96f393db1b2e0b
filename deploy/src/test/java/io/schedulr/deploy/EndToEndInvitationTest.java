package io.schedulr.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.schedulr.events.BookingEvent;
import io.schedulr.events.BookingEventType;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.Topics;
import io.schedulr.testsupport.TopicProbe;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's acceptance criteria across services, on the real local stack: a booking (Phase 1 or Phase 3) sends an
 * iCalendar REQUEST, a reschedule a REQUEST with a higher SEQUENCE, a deletion a CANCEL — exactly one per person per
 * change: from Google (the local Google mails the guest, the host has the event on their calendar) when the host's
 * calendar is connected, from notification-service to both otherwise (docs/operations.md, "Who sends the invitation").
 */
class EndToEndInvitationTest {
    @TempDir
    static Path state;
    private static StackClient client;

    @BeforeAll
    static void startStack() throws Exception {
        client = StackClient.start(state, 30000, 40000);
    }

    @AfterAll
    static void stopStack() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void aBookingMadeThroughCalcomGatewayComesBackFromTheLocalCalcomAsASignedWebhookOnKafka() throws Exception {
        StackClient.Person interviewer = client.person("Ivy Interviewer", "Europe/Berlin");
        String types = client.gateway("GET", "/api/calcom/event-types", interviewer, null, 200);
        Matcher type = Pattern.compile("\"id\":(\\d+)").matcher(types);
        assertThat(type.find()).as("event types of the seeded team: " + types).isTrue();
        String from = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        String to = LocalDate.now(ZoneOffset.UTC).plusDays(9).toString();
        String slots = client.gateway("GET", "/api/calcom/slots?eventTypeId=" + type.group(1) + "&start=" + from + "&end=" + to,
                interviewer, null, 200);
        Matcher slot = Pattern.compile("\"start\":\"([^\"]+)\"").matcher(slots);
        assertThat(slot.find()).as("a free slot in " + slots).isTrue();

        try (TopicProbe bookings = TopicProbe.fromNow(Topics.CALCOM_BOOKINGS,
                Map.of("bootstrap.servers", client.stack().endpoints().kafkaBootstrapServers()))) {
            String booking = client.gateway("POST", "/api/calcom/bookings", interviewer, "{\"interviewId\":\"iv-e2e\",\"eventTypeId\":"
                    + type.group(1) + ",\"start\":\"" + slot.group(1) + "\",\"attendee\":{\"name\":\"Grace Candidate\","
                    + "\"email\":\"grace@example.com\",\"timeZone\":\"America/New_York\"}}", 201);
            Matcher uid = Pattern.compile("\"icsUid\":\"([^\"]+)\"").matcher(booking);
            assertThat(uid.find()).as("icsUid in " + booking).isTrue();
            String icsUid = uid.group(1);

            var records = bookings.await(r -> icsUid.equals(r.key()), 1, Duration.ofSeconds(60));
            CloudEvent<BookingEvent> event = EventCodec.decodeBookingEvent(records.get(0).value());
            assertThat(event.type()).isEqualTo(BookingEventType.BOOKING_CREATED.cloudEventType());
            assertThat(records.get(0).value()).contains("iv-e2e");
        }
    }

    @Test
    void coreWritesWaitForTheGoogleCalendarConnection() throws Exception {
        StackClient.Person newcomer = client.unconnectedPerson("Nia Newcomer", "Europe/Paris");
        String room = "{\"datetimeUtc\":\"" + Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS) + "\",\"private\":false}";
        String refused = client.call("POST", "/api/practice-room/create", newcomer, room, 403);
        assertThat(refused).contains("\"code\":\"calendar_not_connected\"",
                "\"connectUrl\":\"http://localhost:" + client.stack().services().get(2).port() + "/api/auth/google/start\"");

        client.connectCalendar(newcomer);

        // right away, as a pasted script or a web app back from Google's consent page would
        client.callAtOnce("POST", "/api/practice-room/create", newcomer, room, 201);
    }

    @Test
    void aConnectedHostsRoomIsInvitedByGoogleOncePerPersonPerChange() throws Exception {
        StackClient.Person host = client.person("Hana Host", "Europe/Berlin");
        StackClient.Person guest = client.person("Gus Guest", "America/New_York");
        String roomId = createRoom(host, 3);
        Thread.sleep(1500);
        assertThat(client.calendars(guest.email())).as("creating a room sends nothing").isEmpty();

        // booked: the room goes onto the host's Google calendar, and Google (sendUpdates=all) invites the guest
        client.call("POST", "/api/practice-room/update", guest, "{\"roomId\":\"" + roomId + "\",\"guestId\":\"" + guest.id() + "\"}", 200);
        String request = client.awaitCalendars(guest.email(), 1, Duration.ofSeconds(60)).get(0);
        assertThat(request).contains("METHOD:REQUEST", "SEQUENCE:0", "STATUS:CONFIRMED", "ATTENDEE", "mailto:" + guest.email(),
                ":mailto:" + host.email());
        String uid = StackClient.line(request, "UID:");
        assertThat(client.googleEvents(host)).as("the event on the host's Google calendar is the same meeting").contains(uid);

        String later = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
        client.call("POST", "/api/practice-room/update", host, "{\"roomId\":\"" + roomId + "\",\"datetimeUtc\":\"" + later + "\"}", 200);
        String moved = client.awaitCalendars(guest.email(), 2, Duration.ofSeconds(60)).get(1);
        assertThat(moved).contains("METHOD:REQUEST", "DTSTART:" + ical(Instant.parse(later)));
        assertThat(StackClient.line(moved, "UID:")).isEqualTo(uid);
        assertThat(sequence(moved)).isGreaterThan(0);

        client.call("DELETE", "/api/practice-room/" + roomId, host, null, 204);
        String cancel = client.awaitCalendars(guest.email(), 3, Duration.ofSeconds(60)).get(2);
        assertThat(cancel).contains("METHOD:CANCEL", "STATUS:CANCELLED");
        assertThat(StackClient.line(cancel, "UID:")).isEqualTo(uid);
        assertThat(sequence(cancel)).isGreaterThanOrEqualTo(sequence(moved));

        Thread.sleep(3000); // anything doubled would have arrived by now
        assertThat(client.calendars(guest.email())).as("one invitation per change: Google's, none of ours besides").hasSize(3);
        assertThat(client.calendars(host.email())).as("the host has the meeting on their Google calendar, not by mail").isEmpty();
    }

    @Test
    void whatTheHostDoesInGoogleReachesTheAppAndTheGuestIsToldOnce() throws Exception {
        StackClient.Person host = client.person("Greta Googleside", "Europe/Berlin");
        StackClient.Person guest = client.person("Gil Guest", "UTC");
        String roomId = createRoom(host, 3);
        client.call("POST", "/api/practice-room/update", guest, "{\"roomId\":\"" + roomId + "\",\"guestId\":\"" + guest.id() + "\"}", 200);
        String uid = StackClient.line(client.awaitCalendars(guest.email(), 1, Duration.ofSeconds(60)).get(0), "UID:");

        // The host drags the event to another time in Google Calendar and lets Google tell the guest.
        Instant later = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        client.inGoogle("events/move", "{\"email\":\"" + host.email() + "\",\"iCalUID\":\"" + uid + "\",\"start\":\"" + later
                + "\",\"end\":\"" + later.plus(30, ChronoUnit.MINUTES) + "\",\"sendUpdates\":\"all\"}");
        Instant deadline = Instant.now().plusSeconds(30);
        while (!client.call("GET", "/api/practice-rooms/" + roomId, host, null, 200).contains(later.toString())
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(client.call("GET", "/api/practice-rooms/" + roomId, guest, null, 200)).as("the room follows Google")
                .contains(later.toString());
        String moved = client.awaitCalendars(guest.email(), 2, Duration.ofSeconds(60)).get(1);
        assertThat(moved).contains("METHOD:REQUEST", "DTSTART:" + ical(later));
        assertThat(StackClient.line(moved, "UID:")).isEqualTo(uid);

        // The host deletes it in Google: the room is cancelled in the app, the guest told once.
        client.inGoogle("events/delete", "{\"email\":\"" + host.email() + "\",\"iCalUID\":\"" + uid + "\",\"sendUpdates\":\"all\"}");
        deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline) && !roomGone(host, roomId)) {
            Thread.sleep(100);
        }
        assertThat(roomGone(host, roomId)).as("the room is cancelled in the app").isTrue();
        assertThat(client.awaitCalendars(guest.email(), 3, Duration.ofSeconds(60)).get(2)).contains("METHOD:CANCEL");

        Thread.sleep(3000); // a change coming back from the app would have reached Google and the inbox by now
        assertThat(client.calendars(guest.email())).as("one mail per change, all from Google").hasSize(3);
        assertThat(client.calendars(host.email())).isEmpty();
    }

    @Test
    void aGuestDecliningInGoogleLeavesTheRoomOpenAndIsToldOnce() throws Exception {
        StackClient.Person host = client.person("Dana Declined", "UTC");
        StackClient.Person guest = client.person("Dex Decliner", "UTC");
        String roomId = createRoom(host, 4);
        client.call("POST", "/api/practice-room/update", guest, "{\"roomId\":\"" + roomId + "\",\"guestId\":\"" + guest.id() + "\"}", 200);
        String uid = StackClient.line(client.awaitCalendars(guest.email(), 1, Duration.ofSeconds(60)).get(0), "UID:");

        client.inGoogle("events/respond", "{\"email\":\"" + guest.email() + "\",\"iCalUID\":\"" + uid + "\",\"response\":\"declined\"}");
        Instant deadline = Instant.now().plusSeconds(30);
        while (client.call("GET", "/api/practice-rooms/" + roomId, host, null, 200).contains(guest.id()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(client.call("GET", "/api/practice-rooms/" + roomId, host, null, 200)).as("the booking is released")
                .doesNotContain(guest.id());
        // The meeting's Google event goes (sendUpdates=all): Google tells the guest it is cancelled.
        String cancel = client.awaitCalendars(guest.email(), 2, Duration.ofSeconds(60)).get(1);
        assertThat(cancel).contains("METHOD:CANCEL");
        assertThat(StackClient.line(cancel, "UID:")).isEqualTo(uid);
        Thread.sleep(3000);
        assertThat(client.calendars(guest.email())).hasSize(2);
        assertThat(client.calendars(host.email())).isEmpty();
    }

    private static boolean roomGone(StackClient.Person host, String roomId) throws Exception {
        try {
            client.call("GET", "/api/practice-rooms/" + roomId, host, null, 404);
            return true;
        } catch (AssertionError stillThere) {
            return false;
        }
    }

    @Test
    void aHostWithoutAConnectedCalendarIsEmailedByUsOncePerChange() throws Exception {
        StackClient.Person host = client.person("Hugo Host", "Europe/Berlin");
        StackClient.Person guest = client.person("Gita Guest", "Asia/Kolkata");
        String roomId = createRoom(host, 3);
        client.disconnectCalendar(host);

        client.call("POST", "/api/practice-room/update", guest, "{\"roomId\":\"" + roomId + "\",\"guestId\":\"" + guest.id() + "\"}", 200);
        String hostRequest = client.awaitCalendars(host.email(), 1, Duration.ofSeconds(60)).get(0);
        String guestRequest = client.awaitCalendars(guest.email(), 1, Duration.ofSeconds(60)).get(0);
        assertThat(hostRequest).contains("METHOD:REQUEST", "SEQUENCE:0", "SENT-BY");
        assertThat(guestRequest).contains("METHOD:REQUEST", "ATTENDEE", "SENT-BY");
        assertThat(StackClient.line(guestRequest, "UID:")).isEqualTo(StackClient.line(hostRequest, "UID:"));

        client.call("DELETE", "/api/practice-room/" + roomId, host, null, 204);
        String cancel = client.awaitCalendars(host.email(), 2, Duration.ofSeconds(60)).get(1);
        assertThat(cancel).contains("METHOD:CANCEL", "STATUS:CANCELLED");
        assertThat(client.awaitCalendars(guest.email(), 2, Duration.ofSeconds(60)).get(1)).contains("METHOD:CANCEL");
        Thread.sleep(3000);
        assertThat(client.calendars(host.email())).as("one mail per change").hasSize(2);
        assertThat(client.calendars(guest.email())).as("one mail per change").hasSize(2);
    }

    @Test
    void phaseThreeSlotBookingIsInvitedTheSameWay() throws Exception {
        StackClient.Person host = client.person("Slot Host", "Europe/London");
        StackClient.Person guest = client.person("Slot Guest", "Asia/Tokyo");
        Instant start = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        client.call("POST", "/api/slots", host, "[{\"startTs\":\"" + start + "\",\"endTs\":\"" + start.plus(1, ChronoUnit.HOURS) + "\"},"
                + "{\"startTs\":\"" + start.plus(2, ChronoUnit.HOURS) + "\",\"endTs\":\"" + start.plus(3, ChronoUnit.HOURS) + "\"}]", 201);
        String open = client.call("GET", "/api/slots?status=open&limit=200", guest, null, 200);
        Matcher ids = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"hostId\"\\s*:\\s*\"" + host.id() + "\"").matcher(open);
        assertThat(ids.find()).as("the host's slots are listed to the guest").isTrue();
        String slotId = ids.group(1);

        client.call("POST", "/api/slots/" + slotId + "/book", guest, null, 200);
        assertThat(client.awaitCalendars(guest.email(), 1, Duration.ofSeconds(60)).get(0))
                .contains("METHOD:REQUEST", "DTSTART:" + ical(start), "DTEND:" + ical(start.plus(1, ChronoUnit.HOURS)));

        client.call("DELETE", "/api/slots/" + slotId, host, null, 200);
        assertThat(client.awaitCalendars(guest.email(), 2, Duration.ofSeconds(60)).get(1)).contains("METHOD:CANCEL");
        assertThat(client.calendars(host.email())).as("the host's connected calendar has it; Google mails only the guest").isEmpty();
    }

    @Test
    void aBookingMadeWhileNotificationServiceIsDownIsEmailedOnceItIsBack() throws Exception {
        StackClient.Person host = client.person("Down Host", "Europe/Paris");
        StackClient.Person guest = client.person("Down Guest", "UTC");
        String roomId = createRoom(host, 6);
        // without a connected host calendar the invitations are ours, not Google's
        client.disconnectCalendar(host);

        client.stack().stop("notification-service");
        try {
            client.call("POST", "/api/practice-room/update", guest, "{\"roomId\":\"" + roomId + "\",\"guestId\":\"" + guest.id() + "\"}", 200);
            Thread.sleep(2000);
            assertThat(client.calendars(guest.email())).as("nobody sends mail while notification-service is down").isEmpty();
        } finally {
            client.stack().restart("notification-service");
        }

        assertThat(client.awaitCalendars(host.email(), 1, Duration.ofSeconds(60)).get(0)).contains("METHOD:REQUEST");
        assertThat(client.awaitCalendars(guest.email(), 1, Duration.ofSeconds(60)).get(0)).contains("METHOD:REQUEST");
        Thread.sleep(2000);
        assertThat(client.calendars(guest.email())).as("sent once, not again after the restart").hasSize(1);
    }

    /** A room on the hour, {@code days} from now; returns its id. */
    private static String createRoom(StackClient.Person host, int days) throws Exception {
        String when = Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
        return StackClient.field(client.call("POST", "/api/practice-room/create", host, "{\"datetimeUtc\":\"" + when + "\"}", 201), "id");
    }

    private static String ical(Instant t) {
        return t.toString().replace("-", "").replace(":", "");
    }

    private static int sequence(String ics) {
        return Integer.parseInt(StackClient.line(ics, "SEQUENCE:"));
    }
}

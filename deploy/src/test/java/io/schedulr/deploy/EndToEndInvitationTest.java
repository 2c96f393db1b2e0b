package io.schedulr.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedulr.testsupport.traces.CollectedSpan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.schedulr.deploy.BookingTraces.CALENDAR_SYNC;
import static io.schedulr.deploy.BookingTraces.NOTIFICATION;
import static io.schedulr.deploy.BookingTraces.SCHEDULING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's acceptance criteria across services, on the real local stack: a booking (Phase 1 or Phase 3) sends an
 * iCalendar REQUEST, a reschedule a REQUEST with a higher SEQUENCE, a deletion a CANCEL — exactly one per person per
 * change: from Google (the local Google mails the guest, the host has the event on their calendar) when the host's
 * calendar is connected, from notification-service to both otherwise (docs/operations.md, "Who sends the invitation").
 * A booking is one trace across the services (the stack's local trace collector), and notification-service, which runs
 * with JSON logs here as in production, names the trace and the room in its log lines.
 */
class EndToEndInvitationTest {
    @TempDir
    static Path state;
    private static StackClient client;

    @BeforeAll
    static void startStack() throws Exception {
        // one service logs JSON, as in production; the others keep the local stack's readable text
        // calcom-gateway looks meetings up every 2 seconds (not every minute, each again after 15), so the test of a change
        // whose webhooks never came need not wait
        client = StackClient.start(state,
                options -> options.withServiceEnvironment(NOTIFICATION, Map.of("SCHEDULR_LOG_JSON", "true"))
                        .withServiceEnvironment("calcom-gateway", Map.of("CALCOM_LOOK_UP_EVERY", "2s", "CALCOM_LOOK_UP_AGAIN_AFTER", "PT2S",
                                "CALCOM_LOOK_UP_LIST_EVERY", "PT2S", "CALCOM_LOOK_UP_MADE_GRACE", "PT2S")));
    }

    @AfterAll
    static void stopStack() {
        if (client != null) {
            client.close();
        }
    }

    /**
     * Issue 15 end to end: the 6-step flow through scheduling-service books on the local Cal.com through calcom-gateway;
     * Cal.com's signed webhook comes back over Kafka and confirms it; the guest gets our invitation and its update;
     * the interviewer's Google calendar shows it; a move on Cal.com whose webhooks never came is found by calcom-gateway's
     * look-up and reaches everyone; a booking made on Cal.com directly meanwhile is found in Cal.com's list of bookings and
     * shown as an interview; a cancellation on Cal.com cancels it for everyone.
     */
    @Test
    void anInterviewSentThroughTheWizardIsBookedOnCalcomConfirmedByItsWebhookAndCancelledFromThere() throws Exception {
        ObjectMapper json = new ObjectMapper();
        StackClient.Person admin = client.admin("Ann Admin");
        StackClient.Person ivy = client.person("Ivy Interviewer", "Europe/Berlin");
        String draftTypes = client.gateway("GET", "/api/calcom/event-types", ivy, null, 200);
        JsonNode type = json.readTree(draftTypes).get(0);
        long hostId = type.path("hosts").get(0).path("userId").asLong();
        String ivyMember = json.readTree(client.call("POST", "/api/team-members", admin, "{\"name\":\"Ivy Interviewer\",\"email\":\""
                + ivy.email() + "\",\"role\":\"Partner\",\"calcomUserId\":" + hostId + "}", 201)).path("id").asText();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String startup = json.readTree(client.call("POST", "/api/startups", ivy, "{\"name\":\"Acme " + tag + "\"}", 201)).path("id").asText();
        String contact = json.readTree(client.call("POST", "/api/startups/" + startup + "/contacts", ivy,
                "{\"name\":\"Grace Founder\",\"email\":\"grace-" + tag + "@example.com\",\"role\":\"CEO\"}", 201)).path("id").asText();
        String guest = "olive-" + tag + "@example.com";

        String id = json.readTree(client.call("POST", "/api/interviews", ivy, "{\"startupId\":\"" + startup + "\"}", 201)).path("id").asText();
        String base = "/api/interviews/" + id;
        client.call("PUT", base + "/steps/startup", ivy, "{\"startupId\":\"" + startup + "\",\"contactId\":\"" + contact + "\"}", 200);
        client.call("PUT", base + "/steps/team", ivy, "{\"primaryMemberId\":\"" + ivyMember + "\"}", 200);
        JsonNode offered = json.readTree(client.call("GET", base + "/options/event-types", ivy, null, 200)).get(0);
        assertThat(offered.path("hosts").get(0).path("teamMember").path("id").asText()).isEqualTo(ivyMember);
        Instant from = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        JsonNode slots = json.readTree(client.call("GET", base + "/options/slots?eventTypeId=" + offered.path("id").asLong() + "&from=" + from
                + "&to=" + from.plus(8, ChronoUnit.DAYS), ivy, null, 200));
        String start = slots.path("slots").get(0).path("start").asText();
        client.call("PUT", base + "/steps/booking-type", ivy, "{\"eventTypeId\":" + offered.path("id").asLong() + ",\"start\":\"" + start + "\"}", 200);
        client.call("PUT", base + "/steps/guests", ivy, "{\"guests\":[{\"name\":\"Olive Observer\",\"email\":\"" + guest + "\"}]}", 200);
        client.call("PUT", base + "/steps/details", ivy, "{\"prepNotes\":\"Read the deck\",\"timeZone\":\"Europe/Berlin\"}", 200);
        JsonNode sent = json.readTree(client.call("POST", base + "/send", ivy, null, 200));
        assertThat(sent.path("status").asText()).isEqualTo("scheduled");
        assertThat(sent.path("guests").get(0).path("invitationStatus").asText()).isEqualTo("sent");
        String bookingUid = sent.path("calcomBookingUid").asText();

        // Cal.com's BOOKING_CREATED webhook, signed, through calcom-gateway and Kafka
        JsonNode confirmed = awaitStatus(json, base, ivy, "confirmed");
        assertThat(confirmed.path("meetingUrl").asText()).isNotBlank();
        // Cal.com answered the send with the join link, so the confirmation shows the guest nothing new: only the team hears of it.
        List<String> team = client.awaitCalendars(ivy.email(), 2, Duration.ofSeconds(60));
        assertThat(team).extracting(ics -> StackClient.line(ics, "SEQUENCE:")).containsExactly("0", "1");
        List<String> invitations = client.awaitCalendars(guest, 1, Duration.ofSeconds(60));
        assertThat(invitations).allSatisfy(ics -> assertThat(StackClient.line(ics, "UID:")).isEqualTo("interview-" + id + "@schedulr"));
        assertThat(invitations).extracting(ics -> StackClient.line(ics, "METHOD:")).containsOnly("REQUEST");
        assertThat(invitations).extracting(ics -> StackClient.line(ics, "SEQUENCE:")).containsExactly("0");
        assertThat(StackClient.line(invitations.get(0), "URL:")).as("the join link was in the first invitation").isNotBlank();
        Instant googleDeadline = Instant.now().plusSeconds(60);
        while (!client.googleEvents(ivy).contains("Acme " + tag) && Instant.now().isBefore(googleDeadline)) {
            Thread.sleep(300);
        }
        assertThat(client.googleEvents(ivy)).as("the interview on Ivy's Google calendar").contains("Acme " + tag);

        // Grace moves it on Cal.com while its webhooks do not reach us (held at Cal.com, as when calcom-gateway is down
        // longer than Cal.com's attempts last): calcom-gateway's look-up finds the move, and everyone is told.
        client.onCalcom("deliveries/hold", "{}");
        String later = slots.path("slots").get(1).path("start").asText();
        String movedUid = json.readTree(client.onCalcom("bookings/" + bookingUid + "/reschedule",
                "{\"start\":\"" + later + "\",\"reschedulingReason\":\"Clash\",\"by\":\"attendee\"}")).path("uid").asText();
        JsonNode moved = awaitInterview(json, base, ivy, i -> movedUid.equals(i.path("calcomBookingUid").asText()));
        assertThat(Instant.parse(moved.path("startAt").asText())).isEqualTo(Instant.parse(later));
        String update = client.awaitCalendars(guest, 2, Duration.ofSeconds(60)).get(1);
        assertThat(StackClient.line(update, "METHOD:")).isEqualTo("REQUEST");
        assertThat(StackClient.line(update, "SEQUENCE:")).isEqualTo("2");
        // A founder books the team on Cal.com's own page meanwhile: calcom-gateway finds the booking in Cal.com's list of
        // bookings, and the app shows it as an interview booked on Cal.com.
        String directUid = json.readTree(client.bookOnCalcom(offered.path("id").asLong(), slots.path("slots").get(2).path("start").asText(),
                "Dana Founder", "dana-" + tag + "@example.com")).path("data").path("uid").asText();
        JsonNode direct = awaitListed(json, admin, directUid);
        assertThat(direct.path("origin").asText()).isEqualTo("calcom");
        client.onCalcom("deliveries/release", "{\"order\":\"original\"}");

        // Grace's address is corrected: the new one gets the invitation, the old one a cancellation for it alone, the guest
        // the update (scheduling-service's event through Kafka to notification-service's mails).
        String graceOld = "grace-" + tag + "@example.com";
        String graceNew = "grace.founder-" + tag + "@example.com";
        client.call("PATCH", "/api/startups/" + startup + "/contacts/" + contact, ivy, "{\"email\":\"" + graceNew + "\"}", 200);
        String invitedThere = client.awaitCalendars(graceNew, 1, Duration.ofSeconds(60)).get(0);
        assertThat(StackClient.line(invitedThere, "METHOD:")).isEqualTo("REQUEST");
        assertThat(StackClient.line(invitedThere, "SEQUENCE:")).isEqualTo("3");
        assertThat(StackClient.line(invitedThere, "UID:")).isEqualTo("interview-" + id + "@schedulr");
        List<String> toOldAddress = client.awaitCalendars(graceOld, 3, Duration.ofSeconds(60));
        assertThat(toOldAddress).extracting(ics -> StackClient.line(ics, "METHOD:")).containsExactly("REQUEST", "REQUEST", "CANCEL");
        assertThat(StackClient.line(toOldAddress.get(2), "SEQUENCE:")).isEqualTo("3");
        assertThat(toOldAddress.get(2).replace("\r\n ", "")).doesNotContain(graceNew).doesNotContain(guest);
        assertThat(client.subjects(graceOld).get(2)).startsWith("No longer invited: ");
        assertThat(client.awaitCalendars(guest, 3, Duration.ofSeconds(60)).get(2).replace("\r\n ", "")).contains("mailto:" + graceNew);
        // The interview's page reads what became of each mail: scheduling-service asks notification-service with its key.
        Map<String, JsonNode> mails = awaitMailsSent(json, base + "/invitation-mails", ivy, List.of(graceNew, graceOld, guest));
        assertThat(mails.get(graceNew).path("name").asText()).isEqualTo("Grace Founder");
        assertThat(mails.get(graceNew).path("role").asText()).isEqualTo("contact");
        assertThat(mails.get(graceNew).path("kind").asText()).isEqualTo("invitation");
        assertThat(mails.get(graceNew).path("sequence").asInt()).isEqualTo(3);
        assertThat(mails.get(graceOld).path("name").isNull()).as("an address the interview no longer names").isTrue();
        assertThat(mails.get(graceOld).path("kind").asText()).isEqualTo("cancellation");
        assertThat(mails.get(guest).path("role").asText()).isEqualTo("guest");

        client.onCalcom("bookings/" + movedUid + "/cancel", "{\"cancellationReason\":\"The startup withdrew\",\"by\":\"host\"}");
        JsonNode cancelled = awaitStatus(json, base, ivy, "cancelled");
        assertThat(cancelled.path("cancellationReason").asText()).isEqualTo("The startup withdrew");
        List<String> toGuest = client.awaitCalendars(guest, 4, Duration.ofSeconds(60));
        assertThat(toGuest).as("the move's late webhook told nobody twice").hasSize(4);
        String cancel = toGuest.get(3);
        assertThat(StackClient.line(cancel, "METHOD:")).isEqualTo("CANCEL");
        assertThat(StackClient.line(cancel, "SEQUENCE:")).isEqualTo("4");
        assertThat(client.awaitCalendars(graceNew, 2, Duration.ofSeconds(60))).extracting(ics -> StackClient.line(ics, "METHOD:"))
                .containsExactly("REQUEST", "CANCEL");
        assertThat(client.awaitCalendars(graceOld, 3, Duration.ofSeconds(5))).as("the old address is not told again").hasSize(3);
    }

    /** The interview's mails by address, once each of {@code addresses} has its latest mail sent. */
    private static Map<String, JsonNode> awaitMailsSent(ObjectMapper json, String path, StackClient.Person who, List<String> addresses)
            throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            Map<String, JsonNode> byAddress = new java.util.HashMap<>();
            for (JsonNode mail : json.readTree(client.call("GET", path, who, null, 200)).path("mails")) {
                byAddress.put(mail.path("email").asText(), mail);
            }
            if (addresses.stream().allMatch(a -> byAddress.containsKey(a) && "sent".equals(byAddress.get(a).path("state").asText()))) {
                return byAddress;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not every mail of " + addresses + " is sent: " + byAddress);
            }
            Thread.sleep(250);
        }
    }

    /** The interview of Cal.com booking {@code uid}, once the admin's list of interviews shows it. */
    private static JsonNode awaitListed(ObjectMapper json, StackClient.Person admin, String uid) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode interview : json.readTree(client.call("GET", "/api/interviews?limit=100", admin, null, 200))) {
                if (uid.equals(interview.path("calcomBookingUid").asText())) {
                    return interview;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no interview of Cal.com booking " + uid + " listed");
    }

    private static JsonNode awaitInterview(ObjectMapper json, String path, StackClient.Person who,
                                           java.util.function.Predicate<JsonNode> shown) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode interview = json.readTree(client.call("GET", path, who, null, 200));
        while (!shown.test(interview) && Instant.now().isBefore(deadline)) {
            Thread.sleep(300);
            interview = json.readTree(client.call("GET", path, who, null, 200));
        }
        assertThat(shown.test(interview)).as("interview " + interview).isTrue();
        return interview;
    }

    private static JsonNode awaitStatus(ObjectMapper json, String path, StackClient.Person who, String status) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode interview = json.readTree(client.call("GET", path, who, null, 200));
        while (!status.equals(interview.path("status").asText()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(300);
            interview = json.readTree(client.call("GET", path, who, null, 200));
        }
        assertThat(interview.path("status").asText()).as("interview " + interview).isEqualTo(status);
        return interview;
    }

    /**
     * Issue 20: a booking that clashes with something on the guest's own Google calendar (their primary calendar, not the
     * dedicated one) answers 409 with the clashing times only; allowConflicts books anyway; with Google failing the
     * booking still goes through, with the warning.
     */
    @Test
    void aClashWithTheGuestsOrTheHostsGoogleCalendarIsRefusedTheGuestMayAllowOnlyTheirOwnAndAGoogleOutageNeverBlocks() throws Exception {
        StackClient.Person host = client.person("Clash Host", "UTC");
        StackClient.Person guest = client.person("Clash Guest", "Europe/Berlin");
        Instant start = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String room = StackClient.field(client.call("POST", "/api/practice-room/create", host, "{\"datetimeUtc\":\"" + start + "\"}", 201), "id");
        String later = StackClient.field(client.call("POST", "/api/practice-room/create", host,
                "{\"datetimeUtc\":\"" + start.plus(3, ChronoUnit.HOURS) + "\"}", 201), "id");
        Instant dentist = start.plus(15, ChronoUnit.MINUTES);
        client.inGoogle("busy", "{\"email\":\"" + guest.email() + "\",\"start\":\"" + dentist + "\",\"end\":\""
                + dentist.plus(30, ChronoUnit.MINUTES) + "\"}");

        String refused = client.call("POST", "/api/practice-room/update", guest, "{\"roomId\":\"" + room + "\",\"guestId\":null}", 409);
        assertThat(refused).contains("\"code\":\"calendar_conflict\"", "\"start\":\"" + dentist + "\"",
                "\"end\":\"" + dentist.plus(30, ChronoUnit.MINUTES) + "\"");
        assertThat(refused).doesNotContainIgnoringCase("summary").doesNotContain(guest.email());

        String allowed = client.call("POST", "/api/practice-room/update", guest,
                "{\"roomId\":\"" + room + "\",\"guestId\":null,\"allowConflicts\":true}", 200);
        assertThat(allowed).contains("\"booked\":true").doesNotContain("warnings");

        // The host's own Google calendar counts too (read through calendar-sync-service's service-to-service route),
        // and the guest's allowConflicts does not cover it.
        String hostBusy = StackClient.field(client.call("POST", "/api/practice-room/create", host,
                "{\"datetimeUtc\":\"" + start.plus(6, ChronoUnit.HOURS) + "\"}", 201), "id");
        Instant hostsMeeting = start.plus(6, ChronoUnit.HOURS).plus(40, ChronoUnit.MINUTES);
        client.inGoogle("busy", "{\"email\":\"" + host.email() + "\",\"start\":\"" + hostsMeeting + "\",\"end\":\""
                + hostsMeeting.plus(1, ChronoUnit.HOURS) + "\"}");
        String hostsClash = client.call("POST", "/api/practice-room/update", guest,
                "{\"roomId\":\"" + hostBusy + "\",\"guestId\":null,\"allowConflicts\":true}", 409);
        assertThat(hostsClash).contains("\"code\":\"calendar_conflict\"", "\"start\":\"" + hostsMeeting + "\"")
                .doesNotContainIgnoringCase("summary").doesNotContain(host.email());

        client.inGoogle("fail", "{\"count\":200,\"status\":500}");
        try {
            String warned = client.call("POST", "/api/practice-room/update", guest, "{\"roomId\":\"" + later + "\",\"guestId\":null}", 200);
            assertThat(warned).contains("\"booked\":true", "\"warnings\":[\"calendar_unavailable\"]");
        } finally {
            client.inGoogle("fail", "{\"count\":0}");
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
        Traceparent booking = Traceparent.random();
        client.callTraced(booking.header(), "POST", "/api/practice-room/update", guest,
                "{\"roomId\":\"" + roomId + "\",\"guestId\":\"" + guest.id() + "\"}", 200);
        String request = client.awaitCalendars(guest.email(), 1, Duration.ofSeconds(60)).get(0);
        assertThat(request).contains("METHOD:REQUEST", "SEQUENCE:0", "STATUS:CONFIRMED", "ATTENDEE", "mailto:" + guest.email(),
                ":mailto:" + host.email());
        String uid = StackClient.line(request, "UID:");
        assertThat(client.googleEvents(host)).as("the event on the host's Google calendar is the same meeting").contains(uid);

        // one trace: the request, its Kafka record, and calendar-sync-service's Google write (notification-service leaves it to Google)
        List<CollectedSpan> trace = client.stack().traces().awaitTrace(booking.traceId(), t -> !BookingTraces.of(t, SCHEDULING, "SERVER").isEmpty()
                && !BookingTraces.of(t, SCHEDULING, "PRODUCER").isEmpty() && !BookingTraces.of(t, CALENDAR_SYNC, "CONSUMER").isEmpty()
                && BookingTraces.named(t, CALENDAR_SYNC, "mirror room booked") > 0 && !BookingTraces.of(t, NOTIFICATION, "CONSUMER").isEmpty(),
                Duration.ofSeconds(30));
        Set<String> producers = BookingTraces.assertSchedulingPart(trace, booking, "/api/practice-room/update");
        BookingTraces.assertConsumedFrom(trace, CALENDAR_SYNC, producers);
        assertThat(BookingTraces.named(trace, CALENDAR_SYNC, "mirror room booked")).as("the Google write's job span in " + trace).isPositive();
        BookingTraces.assertConsumedFrom(trace, NOTIFICATION, producers);

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
        assertThat(BookingTraces.named(client.stack().traces().trace(booking.traceId()), NOTIFICATION, "smtp send"))
                .as("no SMTP send of ours in the booking's trace").isZero();
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

        Traceparent booking = Traceparent.random();
        client.callTraced(booking.header(), "POST", "/api/practice-room/update", guest,
                "{\"roomId\":\"" + roomId + "\",\"guestId\":\"" + guest.id() + "\"}", 200);
        String hostRequest = client.awaitCalendars(host.email(), 1, Duration.ofSeconds(60)).get(0);
        String guestRequest = client.awaitCalendars(guest.email(), 1, Duration.ofSeconds(60)).get(0);
        assertThat(hostRequest).contains("METHOD:REQUEST", "SEQUENCE:0", "SENT-BY");
        assertThat(guestRequest).contains("METHOD:REQUEST", "ATTENDEE", "SENT-BY");
        assertThat(StackClient.line(guestRequest, "UID:")).isEqualTo(StackClient.line(hostRequest, "UID:"));

        // one trace: the request, its Kafka record, notification-service's consumer and its two SMTP sends
        List<CollectedSpan> trace = client.stack().traces().awaitTrace(booking.traceId(), t -> !BookingTraces.of(t, SCHEDULING, "SERVER").isEmpty()
                && !BookingTraces.of(t, SCHEDULING, "PRODUCER").isEmpty() && !BookingTraces.of(t, NOTIFICATION, "CONSUMER").isEmpty()
                && BookingTraces.named(t, NOTIFICATION, "smtp send") >= 2, Duration.ofSeconds(30));
        Set<String> producers = BookingTraces.assertSchedulingPart(trace, booking, "/api/practice-room/update");
        BookingTraces.assertConsumedFrom(trace, NOTIFICATION, producers);
        assertThat(trace).filteredOn(s -> s.service().equals(NOTIFICATION) && s.name().equals("smtp send"))
                .as("one SMTP send per person in " + trace).hasSize(2).allSatisfy(s -> assertThat(s.kind()).isEqualTo("CLIENT"));
        assertJsonLogLineOf(booking.traceId(), roomId);

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

    /**
     * notification-service (JSON logs in this stack) wrote one JSON object per line, and the line of the booked room's
     * event carries the trace id and the room id in its MDC; the other services kept text.
     */
    private static void assertJsonLogLineOf(String traceId, String roomId) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path log = state.resolve("logs").resolve(NOTIFICATION + ".log");
        Instant deadline = Instant.now().plusSeconds(10);
        List<JsonNode> lines = jsonLines(json, log);
        while (lines.stream().noneMatch(l -> traceId.equals(l.path("mdc").path("traceId").asText())) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            lines = jsonLines(json, log);
        }
        assertThat(lines).as("JSON lines in " + log).hasSizeGreaterThan(10);
        assertThat(lines).as("a line of the booking in " + log).anySatisfy(line -> {
            assertThat(line.path("mdc").path("traceId").asText()).isEqualTo(traceId);
            assertThat(line.path("mdc").path("roomId").asText()).isEqualTo(roomId);
            assertThat(line.path("message").asText()).contains("ROOM_BOOKED");
            assertThat(line.path("level").asText()).isEqualTo("INFO");
        });
        Path text = state.resolve("logs").resolve(SCHEDULING + ".log");
        assertThat(Files.readAllLines(text)).as(text + " stays readable text").isNotEmpty().noneMatch(l -> l.startsWith("{"));
    }

    private static List<JsonNode> jsonLines(ObjectMapper json, Path log) throws Exception {
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("{")) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
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

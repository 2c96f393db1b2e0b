package io.schedulr.calendarsync.mirror;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.schedulr.calendarsync.LocalGoogleTestResource;
import io.schedulr.calendarsync.adapter.out.crypto.AesGcmTokenVault;
import io.schedulr.calendarsync.config.TokenKeys;
import io.schedulr.calendarsync.connection.ConnectionRows;
import io.schedulr.calendarsync.connection.LocalGoogleAccount;
import io.schedulr.calendarsync.connection.PersonsGoogleCalendar;
import io.schedulr.calendarsync.domain.InterviewEntry;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.InterviewEvent;
import io.schedulr.events.InterviewEventType;
import io.schedulr.events.InterviewPerson;
import io.schedulr.events.Topics;
import io.schedulr.testsupport.Metrics;
import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Interview events from Kafka onto the team's dedicated calendars at the local Google over HTTP, with real PostgreSQL
 * and Kafka: what each interviewer sees in their Google Calendar, and that Google invites nobody.
 */
@QuarkusTest
class InterviewMirrorTest {
    private static final Duration WAIT = MirrorFixtures.WAIT;

    @Test
    void theInterviewShowsOnTheConnectedInterviewersCalendarsMovesGoesAndIsNeverDoubled() {
        TestUser lead = Tokens.newUser("Ada Lead", "Europe/Berlin");
        TestUser member = Tokens.newUser("Bo Member", "America/New_York");
        TestUser unconnected = Tokens.newUser("Cy Unconnected", "UTC");
        String leadCalendar = MirrorFixtures.connect(lead);
        String memberCalendar = MirrorFixtures.connect(member);
        String interviewId = "iv-" + UUID.randomUUID();
        String eventId = InterviewEntry.googleEventIdOf(interviewId);
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String contact = "founder-" + UUID.randomUUID() + "@startup.example";
        // Bo takes part by address only (no user id in the event): found through the connection he made with it.
        List<InterviewPerson> people = List.of(
                new InterviewPerson(lead.id(), lead.name(), lead.email(), "Partner", null, lead.timeZone(), InterviewPerson.Kind.PRIMARY_INTERVIEWER),
                new InterviewPerson(null, member.name(), member.email(), null, null, null, InterviewPerson.Kind.TEAM_MEMBER),
                new InterviewPerson(unconnected.id(), unconnected.name(), unconnected.email(), null, null, null, InterviewPerson.Kind.TEAM_MEMBER),
                new InterviewPerson(null, "Dee Founder", contact, "CEO", "Acme Robotics", "UTC", InterviewPerson.Kind.CONTACT));

        // A record that is no interview event, ahead of the interview on its partition: skipped, it holds nothing up.
        MirrorFixtures.send(Topics.INTERVIEW_EVENTS, interviewId, "{not an interview event");
        String scheduled = publish(interviewId, InterviewEventType.INTERVIEW_SCHEDULED, 0, start, people);

        Map<String, Object> onLead = awaitEvent(lead, eventId, e -> "confirmed".equals(e.get("status")));
        Map<String, Object> onMember = awaitEvent(member, eventId, e -> "confirmed".equals(e.get("status")));
        assertThat(onLead.get("calendarId")).isEqualTo(leadCalendar);
        assertThat(onMember.get("calendarId")).isEqualTo(memberCalendar);
        assertThat(onLead.get("calendarSummary")).isEqualTo("Schedulr Meetings");
        assertThat(onLead.get("summary")).isEqualTo("Interview: Acme Robotics");
        assertThat(MirrorFixtures.instant(onLead, "start")).isEqualTo(start);
        assertThat(onLead.toString()).contains("Europe/Berlin");
        assertThat((List<?>) onLead.get("attendees")).isEmpty();
        assertThat(onLead.get("extendedProperties").toString()).contains("schedulrInterviewId=" + interviewId);
        assertThat(eventsOf(unconnected, eventId)).isEmpty();
        Map<String, Object> read = event(lead, eventId);
        assertThat(read.get("location")).isEqualTo("https://meet.example/" + interviewId);
        assertThat((String) read.get("description")).contains("Join: https://meet.example/" + interviewId, "Dee Founder (CEO, Acme Robotics)");

        // Moved: the same event moves on both calendars.
        Instant moved = start.plus(1, ChronoUnit.DAYS);
        publish(interviewId, InterviewEventType.INTERVIEW_RESCHEDULED, 1, moved, people);
        awaitEvent(lead, eventId, e -> MirrorFixtures.instant(e, "start").equals(moved));
        awaitEvent(member, eventId, e -> MirrorFixtures.instant(e, "start").equals(moved));

        // Someone reached at another address now (a corrected contact): the same event, its description naming who takes part.
        List<InterviewPerson> corrected = List.of(people.get(0), people.get(1), people.get(2),
                new InterviewPerson(null, "Dee Corrected", "dee-" + contact, "CEO", "Acme Robotics", "UTC", InterviewPerson.Kind.CONTACT));
        publish(interviewId, InterviewEventType.INTERVIEW_ATTENDEES_CHANGED, 2, moved, corrected);
        for (TestUser interviewer : List.of(lead, member)) {
            await().atMost(WAIT).until(() -> String.valueOf(event(interviewer, eventId).get("description"))
                    .contains("Dee Corrected (CEO, Acme Robotics)"));
        }
        assertThat(MirrorFixtures.instant(event(lead, eventId), "start")).isEqualTo(moved);

        // The first record again, and an older change under a new id: nothing changes.
        MirrorFixtures.send(Topics.INTERVIEW_EVENTS, interviewId, MirrorFixtures.SENT.get(scheduled));
        String older = publish(interviewId, InterviewEventType.INTERVIEW_CONFIRMED, 0, start.plus(2, ChronoUnit.HOURS), people);
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM consumed_event WHERE event_id = ?", older) == 1);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> MirrorFixtures.instant(eventsOf(lead, eventId).get(0), "start").equals(moved));
        assertThat(ConnectionRows.count("SELECT count(*) FROM google_call_audit WHERE room_id = ? AND operation = 'interview events.put' "
                + "AND outcome LIKE 'ok%'", interviewId)).isEqualTo(6);

        // Cancelled: gone from both calendars.
        publish(interviewId, InterviewEventType.INTERVIEW_CANCELLED, 3, moved, corrected);
        awaitEvent(lead, eventId, e -> "cancelled".equals(e.get("status")));
        awaitEvent(member, eventId, e -> "cancelled".equals(e.get("status")));
        assertThat(eventsOf(lead, eventId)).hasSize(1);
        // Google holds the cancellation a moment before the mirror's transaction records it.
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM interview_mirror_entry WHERE interview_id = ? "
                + "AND status = 'done' AND applied = 'removed'", interviewId) == 2);

        // Google invited nobody: notification-service emails the invitations.
        for (String person : List.of(lead.email(), member.email(), unconnected.email(), contact, "dee-" + contact)) {
            assertThat(mailsTo(person)).as("Google mails to %s", person).isEmpty();
        }
    }

    private static String publish(String interviewId, InterviewEventType type, int sequence, Instant start, List<InterviewPerson> people) {
        return publish(interviewId, type, sequence, start, people, false);
    }

    private static String publish(String interviewId, InterviewEventType type, int sequence, Instant start, List<InterviewPerson> people,
                                  boolean tentative) {
        String id = UUID.randomUUID().toString();
        InterviewEvent data = new InterviewEvent(interviewId, "interview-" + interviewId + "@schedulr.test", sequence,
                type == InterviewEventType.INTERVIEW_CANCELLED ? "cancelled" : "scheduled", "Interview: Acme Robotics", "Acme Robotics", start,
                start.plus(45, ChronoUnit.MINUTES), "Europe/Berlin", "https://meet.example/" + interviewId, "cal-video", "booking-" + interviewId,
                people, null, tentative);
        String json = EventCodec.encode(CloudEvent.of(id, "/scheduling-service", type.cloudEventType(), Instant.now(), interviewId, data));
        MirrorFixtures.SENT.put(id, json);
        MirrorFixtures.send(Topics.INTERVIEW_EVENTS, interviewId, json);
        return id;
    }

    @Test
    void anInterviewWaitingForItsHostsConfirmationIsTentativeOnTheCalendarUntilCalcomConfirmsIt() {
        TestUser lead = Tokens.newUser("Ida Lead", "Europe/Berlin");
        MirrorFixtures.connect(lead);
        String interviewId = "iv-" + UUID.randomUUID();
        String eventId = InterviewEntry.googleEventIdOf(interviewId);
        Instant start = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        List<InterviewPerson> people = List.of(new InterviewPerson(lead.id(), lead.name(), lead.email(), null, null, lead.timeZone(),
                InterviewPerson.Kind.PRIMARY_INTERVIEWER));

        publish(interviewId, InterviewEventType.INTERVIEW_SCHEDULED, 0, start, people, true);
        awaitEvent(lead, eventId, e -> "tentative".equals(e.get("status")));
        assertThat((String) event(lead, eventId).get("description")).startsWith("Tentative: the host has not confirmed the Cal.com booking");
        assertThat(ConnectionRows.count("SELECT count(*) FROM interview_mirror_entry WHERE interview_id = ? AND tentative", interviewId))
                .isEqualTo(1);
        publish(interviewId, InterviewEventType.INTERVIEW_CONFIRMED, 1, start, people, false);
        await().atMost(WAIT).until(() -> "confirmed".equals(event(lead, eventId).get("status")));
        assertThat((String) event(lead, eventId).get("description")).startsWith("Join: https://meet.example/" + interviewId);
    }

    private static Map<String, Object> awaitEvent(TestUser person, String eventId, java.util.function.Predicate<Map<String, Object>> until) {
        await().atMost(WAIT).until(() -> eventsOf(person, eventId).stream().anyMatch(until));
        List<Map<String, Object>> events = eventsOf(person, eventId);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** The person's events with this id, as the local Google holds them (deleted ones stay, cancelled). */
    private static List<Map<String, Object>> eventsOf(TestUser person, String eventId) {
        List<Map<String, Object>> events = JsonPath.from(control("/_control/events?email=" + enc(person.email()))).getList("events");
        return events.stream().filter(e -> eventId.equals(e.get("id"))).toList();
    }

    /** The event through Calendar v3 {@code events.get} with the person's own access token, as their Google Calendar reads it. */
    private static Map<String, Object> event(TestUser person, String eventId) {
        String calendarId = (String) eventsOf(person, eventId).get(0).get("calendarId");
        String refresh = new AesGcmTokenVault(TokenKeys.parse(System.getProperty(LocalGoogleTestResource.KEYS_PROPERTY)))
                .open(ConnectionRows.connection(person.id()).get("google_refresh_token"));
        String access = JsonPath.from(LocalGoogleAccount.refresh(refresh).body()).getString("access_token");
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(TestInfra.get().issuerUrl() + "/calendar/v3/calendars/"
                + enc(calendarId) + "/events/" + eventId)).header("Authorization", "Bearer " + access).GET().build());
        assertThat(answer.statusCode()).isEqualTo(200);
        return JsonPath.from(answer.body()).getMap("");
    }

    private static List<Object> mailsTo(String email) {
        return JsonPath.from(control("/_control/mails?to=" + enc(email))).getList("mails");
    }

    private static String control(String path) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(TestInfra.get().issuerUrl() + path)).GET().build());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return MirrorFixtures.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The interviewer deletes their "Schedulr Meetings" calendar in Google: the interview is put on the new one made for them. */
    @Test
    void anInterviewOnACalendarDeletedInGoogleIsPutOnTheNewOne() throws Exception {
        TestUser lead = Tokens.newUser("Del Lead", "Europe/Berlin");
        MirrorFixturesAccess.connectAndAwaitWatched(lead);
        String gone = ConnectionRows.connection(lead.id()).get("calendar_id");
        String interviewId = "iv-" + UUID.randomUUID();
        String eventId = InterviewEntry.googleEventIdOf(interviewId);
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        List<InterviewPerson> people = List.of(new InterviewPerson(lead.id(), lead.name(), lead.email(), null, null, lead.timeZone(),
                InterviewPerson.Kind.PRIMARY_INTERVIEWER));
        publish(interviewId, InterviewEventType.INTERVIEW_SCHEDULED, 0, start, people);
        awaitEvent(lead, eventId, e -> gone.equals(e.get("calendarId")));

        PersonsGoogleCalendar.of(lead).calendars().delete(gone).execute();

        Map<String, Object> onNew = awaitEvent(lead, eventId, e -> !gone.equals(e.get("calendarId")));
        assertThat(onNew.get("calendarSummary")).isEqualTo("Schedulr Meetings");
        assertThat(MirrorFixtures.instant(onNew, "start")).isEqualTo(start);
        assertThat(ConnectionRows.connection(lead.id())).containsEntry("calendar_id", (String) onNew.get("calendarId"));
    }

    /**
     * The interview backlog gauges count what the worker can write: an entry of a member whose grant was revoked waits for
     * them to reconnect, by design, and would otherwise hold the documented alert up until they do.
     */
    @Test
    void anEntryWaitingForARevokedMemberDoesNotRaiseTheInterviewBacklogGauges() {
        TestUser member = Tokens.newUser("Rae Revoked", "UTC");
        MirrorFixtures.connect(member);
        String interviewId = "iv-" + UUID.randomUUID();
        ConnectionRows.execute("INSERT INTO interview_mirror (interview_id, last_sequence, cancelled) VALUES (?, 0, false)", interviewId);
        // Waiting two hours, its next attempt tomorrow (as after Google kept failing), so the worker leaves it alone.
        ConnectionRows.execute("INSERT INTO interview_mirror_entry (interview_id, member_id, google_event_id, sequence, shown, summary, "
                + "description, start_utc, end_utc, time_zone, ics_uid, status, next_attempt_at, updated_at) VALUES (?, ?, ?, 0, true, "
                + "'Interview', '', now() + interval '2 days', now() + interval '2 days 45 minutes', 'UTC', ?, 'pending', "
                + "now() + interval '1 day', now() - interval '2 hours')", interviewId, member.id(), InterviewEntry.googleEventIdOf(interviewId),
                interviewId + "@schedulr.test");
        try {
            await().atMost(WAIT).until(() -> Metrics.value("schedulr_calendar_sync_oldest_pending_age_seconds", "kind=\"interview\"") >= 7000);

            ConnectionRows.execute("UPDATE calendar_connection SET status = 'revoked', reason = 'revoked', google_refresh_token = NULL "
                    + "WHERE google_account_id = ?", member.id());

            await().atMost(WAIT).until(() -> Metrics.value("schedulr_calendar_sync_oldest_pending_age_seconds", "kind=\"interview\"") < 3600);
        } finally {
            ConnectionRows.execute("UPDATE interview_mirror_entry SET status = 'done' WHERE interview_id = ?", interviewId);
        }
    }
}

package io.schedulr.calendarsync.mirror;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.calendarsync.connection.ConnectionRows;
import io.schedulr.calendarsync.connection.LocalGoogleAccount;
import io.schedulr.calendarsync.connection.PersonsGoogleCalendar;
import io.schedulr.events.RoomEventType;
import io.schedulr.testsupport.Metrics;
import io.schedulr.testsupport.RecentSpans;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Room events from Kafka onto the host's dedicated calendar at the local Google over HTTP, with real PostgreSQL and
 * Kafka: what the host sees in their Google Calendar.
 */
@QuarkusTest
class RoomMirrorTest {
    @Inject
    RecentSpans spans;
    private static final Duration WAIT = MirrorFixtures.WAIT;

    @Test
    void aBookingBecomesOneEventOnTheHostsDedicatedCalendarEvenWhenDeliveredAgain() {
        TestUser host = Tokens.newUser("Hana Host", "Europe/Berlin");
        String calendarId = MirrorFixtures.connect(host);
        MirrorFixtures.Room room = new MirrorFixtures.Room(host);

        // A record that is no room event, ahead of the booking on the room's partition: skipped, it holds nothing up.
        MirrorFixtures.send(room.id, "{not a room event");
        String booked = MirrorFixtures.publish(room, RoomEventType.ROOM_BOOKED, 0, room.start);
        Map<String, Object> event = MirrorFixtures.awaitOneEvent(host, room);

        assertThat(event.get("calendarId")).isEqualTo(calendarId);
        assertThat(event.get("calendarSummary")).isEqualTo("Schedulr Meetings");
        assertThat(event.get("iCalUID")).isEqualTo(room.icsUid);
        assertThat(event.get("summary")).isEqualTo("Mentoring with Hana");
        assertThat(event.get("location")).as("the room's link, where Google shows the place").isEqualTo("https://app.schedulr.test/rooms/" + room.id);
        assertThat(event.get("status")).isEqualTo("confirmed");
        assertThat(MirrorFixtures.instant(event, "start")).isEqualTo(room.start);
        assertThat(event.toString()).contains("Europe/Berlin");
        assertThat((List<?>) event.get("attendees")).singleElement().asString().contains(room.guestEmail);
        assertThat(event.get("extendedProperties").toString()).contains("schedulrRoomId=" + room.id, "schedulrIcsUid=" + room.icsUid);
        // Google holds the event a moment before the mirror's transaction records it.
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM room_mirror WHERE room_id = ? "
                + "AND google_event_id IS NOT NULL", room.id) == 1);

        // Kafka delivers the same record again, and the booking is replayed under a new event id: still one event.
        MirrorFixtures.send(room.id, MirrorFixtures.SENT.get(booked));
        String replay = MirrorFixtures.publish(room, RoomEventType.ROOM_BOOKED, 0, room.start);
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE status = 'done' AND event_id = ?",
                replay) == 1);
        assertThat(MirrorFixtures.eventsOf(host, room)).hasSize(1);
        assertThat(ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE room_id = ?", room.id)).isEqualTo(2);
        assertThat(ConnectionRows.count("SELECT count(*) FROM google_call_audit WHERE room_id = ? AND operation = 'events.insert' "
                + "AND outcome = 'ok'", room.id)).isEqualTo(1);
        // The host is connected: Google invited the guest, once.
        List<Map<String, Object>> mails = MirrorFixtures.mailsTo(room.guestEmail);
        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.get("method")).isEqualTo("REQUEST");
            assertThat(mail.get("uid")).isEqualTo(room.icsUid);
        });
    }

    @Test
    void theGoogleWriteOfABookingBelongsToTheBookingsTrace() throws InterruptedException {
        TestUser host = Tokens.newUser("Tara Host", "Europe/Berlin");
        MirrorFixtures.connect(host);
        MirrorFixtures.Room room = new MirrorFixtures.Room(host);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        MirrorFixtures.publish(room, RoomEventType.ROOM_BOOKED, 0, room.start,
                Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        MirrorFixtures.awaitOneEvent(host, room);

        List<SpanData> trace = spans.awaitTrace(traceId, t -> t.stream().anyMatch(s -> s.getName().equals("mirror room booked")), WAIT);
        assertThat(trace).as("the consumer's span, child of the producer's").anySatisfy(s -> {
            assertThat(s.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(s.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        });
        assertThat(trace).as("the job that wrote to Google").anySatisfy(s -> assertThat(s.getName()).isEqualTo("mirror room booked"));
    }

    /**
     * A job queued by an earlier version under a rule this one has since tightened (here: one that ends before it starts)
     * once failed every claim, so it stayed the earliest due and every host's jobs waited behind it. Now it is parked with
     * the reason, and the next job is written to Google.
     */
    @Test
    void aJobThatCanNoLongerBeReadIsParkedAndTheJobsBehindItGoOn() {
        TestUser host = Tokens.newUser("Una Host", "UTC");
        MirrorFixtures.connect(host);
        String unreadable = "room-" + UUID.randomUUID();
        MirrorFixtures.queuedJob(host.id(), unreadable, "Unreadable", "now() + interval '2 days'", "now() + interval '1 day'",
                "now() - interval '1 day'", "now()");

        MirrorFixtures.Room room = new MirrorFixtures.Room(host);
        MirrorFixtures.publish(room, RoomEventType.ROOM_BOOKED, 0, room.start);

        MirrorFixtures.awaitOneEvent(host, room);
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE room_id = ? AND status = 'parked' "
                + "AND last_error LIKE 'this job can no longer be read%must end after it starts%'", unreadable) == 1);
    }

    @Test
    void aChangeWaitingForGoogleShowsInTheCalendarSyncGauges() {
        TestUser host = Tokens.newUser("Gauge Host", "UTC");
        MirrorFixtures.connect(host);
        String room = "room-" + UUID.randomUUID();
        // A booking queued an hour ago whose next attempt is tomorrow (as after Google kept failing): the calendars lag.
        MirrorFixtures.queuedJob(host.id(), room, "Gauge", "now() + interval '2 days'", "now() + interval '2 days 30 minutes'",
                "now() + interval '1 day'", "now() - interval '1 hour'");
        try {
            await().atMost(WAIT).until(() -> Metrics.value("schedulr_calendar_sync_oldest_pending_age_seconds", "kind=\"room\"") >= 3600);
            assertThat(Metrics.value("schedulr_calendar_sync_pending", "kind=\"room\"")).isGreaterThanOrEqualTo(1);
        } finally {
            ConnectionRows.execute("UPDATE mirror_job SET status = 'dropped' WHERE room_id = ?", room);
        }
        await().atMost(WAIT).until(() -> Metrics.value("schedulr_calendar_sync_oldest_pending_age_seconds", "kind=\"room\"") < 3600);
        assertThat(Metrics.value("schedulr_calendar_sync_pending", "kind=\"interview\"")).as("interview entries are watched too")
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void aRescheduleMovesTheEventAndACancellationDeletesIt() {
        TestUser host = Tokens.newUser("Hana Host", "America/New_York");
        MirrorFixtures.connect(host);
        MirrorFixtures.Room room = new MirrorFixtures.Room(host);
        MirrorFixtures.publish(room, RoomEventType.ROOM_BOOKED, 0, room.start);
        MirrorFixtures.awaitOneEvent(host, room);

        Instant moved = room.start.plus(1, ChronoUnit.DAYS);
        MirrorFixtures.publish(room, RoomEventType.ROOM_RESCHEDULED, 1, moved);
        await().atMost(WAIT).until(() -> MirrorFixtures.instant(MirrorFixtures.eventsOf(host, room).get(0), "start").equals(moved));
        assertThat(MirrorFixtures.instant(MirrorFixtures.eventsOf(host, room).get(0), "end")).isEqualTo(moved.plus(30, ChronoUnit.MINUTES));
        // The mirror keeps Google's stamp of our move: a listing read before it is not taken as the host moving it back.
        String stamp = (String) MirrorFixtures.eventsOf(host, room).get(0).get("updated");
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM room_mirror WHERE room_id = ? "
                + "AND event_updated = ?::timestamptz", room.id, stamp) == 1);

        MirrorFixtures.publish(room, RoomEventType.ROOM_CANCELLED, 2, moved);
        await().atMost(WAIT).until(() -> "cancelled".equals(MirrorFixtures.eventsOf(host, room).get(0).get("status")));
        assertThat(MirrorFixtures.eventsOf(host, room)).hasSize(1);
        // Google holds the cancellation a moment before the mirror's transaction records it.
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM room_mirror WHERE room_id = ? AND status = 'cancelled'",
                room.id) == 1);

        // A reschedule redelivered after the cancellation changes nothing on Google and is recorded as dropped.
        String late = MirrorFixtures.publish(room, RoomEventType.ROOM_RESCHEDULED, 1, moved.plus(1, ChronoUnit.HOURS));
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE status = 'dropped' AND event_id = ?",
                late) == 1);
        assertThat(MirrorFixtures.eventsOf(host, room).get(0).get("status")).isEqualTo("cancelled");
        assertThat(ConnectionRows.count("SELECT count(*) FROM google_call_audit WHERE room_id = ? AND outcome LIKE 'dropped:%'", room.id))
                .isEqualTo(1);
    }

    @Test
    void aHostWithoutAConnectedCalendarGetsNothing() {
        TestUser host = Tokens.newUser("Nico Noconnect", "Europe/Paris");
        MirrorFixtures.Room room = new MirrorFixtures.Room(host);

        String booked = MirrorFixtures.publish(room, RoomEventType.ROOM_BOOKED, 0, room.start);

        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM consumed_event WHERE event_id = ?", booked) == 1);
        assertThat(ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE room_id = ?", room.id)).isZero();
        assertThat(MirrorFixtures.eventsOf(host, room)).isEmpty();
    }

    @Test
    void googleFailingThreeTimesStillGetsTheBookingExactlyOnce() {
        TestUser host = Tokens.newUser("Hana Host", "Europe/Berlin");
        MirrorFixtures.connect(host);
        MirrorFixtures.Room room = new MirrorFixtures.Room(host);
        // Once the person's push channel and first sync are done, the next Google calls are the mirror's.
        MirrorFixtures.awaitWatched(host);
        LocalGoogleAccount.control("fail", "{\"count\": 3, \"status\": 500}");

        MirrorFixtures.publish(room, RoomEventType.ROOM_BOOKED, 0, room.start);

        MirrorFixtures.awaitOneEvent(host, room);
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE room_id = ? AND status = 'done'",
                room.id) == 1);
        assertThat(ConnectionRows.count("SELECT count(*) FROM google_call_audit WHERE room_id = ? AND outcome LIKE 'unavailable%'", room.id))
                .isGreaterThanOrEqualTo(1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> MirrorFixtures.eventsOf(host, room).size() == 1);
    }

    /**
     * The host deletes their "Schedulr Meetings" calendar in Google. Once found gone (Google's 404 for the calendar, or
     * its not_exists push) a new one is made and watched, the session booked before is put on it, and a booking or a
     * move after the deletion lands there too — rather than being parked as refused forever. Another host is untouched.
     */
    @Test
    void aDedicatedCalendarDeletedInGoogleIsMadeAnewAndTheHostsSessionsLandOnIt() throws Exception {
        TestUser host = Tokens.newUser("Dana Deleted", "Europe/Berlin");
        TestUser other = Tokens.newUser("Olga Other", "UTC");
        MirrorFixturesAccess.connectAndAwaitWatched(host);
        String otherCalendar = MirrorFixtures.connect(other);
        String gone = ConnectionRows.connection(host.id()).get("calendar_id");
        MirrorFixtures.Room booked = new MirrorFixtures.Room(host);
        MirrorFixtures.publish(booked, RoomEventType.ROOM_BOOKED, 0, booked.start);
        MirrorFixtures.awaitOneEvent(host, booked);
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM room_mirror WHERE room_id = ? "
                + "AND google_event_id IS NOT NULL", booked.id) == 1);

        PersonsGoogleCalendar.of(host).calendars().delete(gone).execute();
        MirrorFixtures.Room next = new MirrorFixtures.Room(host);
        MirrorFixtures.publish(next, RoomEventType.ROOM_BOOKED, 0, next.start);

        Map<String, Object> event = MirrorFixtures.awaitOneEvent(host, next);
        String made = (String) event.get("calendarId");
        assertThat(made).isNotEqualTo(gone);
        assertThat(event.get("calendarSummary")).isEqualTo("Schedulr Meetings");
        assertThat(ConnectionRows.connection(host.id())).containsEntry("status", "connected").containsEntry("calendar_id", made);
        assertThat(ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE host_id = ? AND status = 'parked'", host.id())).isZero();
        // The session booked before the deletion is on the new calendar.
        await().atMost(WAIT).until(() -> MirrorFixtures.eventsOf(host, booked).stream().anyMatch(e -> made.equals(e.get("calendarId"))));
        // One new calendar, in the host's zone, and a push channel on it.
        List<Map<String, Object>> calendars = io.restassured.path.json.JsonPath.from(LocalGoogleAccount.calendarList(refreshTokenOf(host)))
                .getList("items");
        assertThat(calendars).filteredOn(c -> "Schedulr Meetings".equals(c.get("summary"))).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("id", made).containsEntry("timeZone", "Europe/Berlin"));
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM webhook_channels WHERE user_id = ? AND status = 'active' "
                + "AND calendar_id = ?", host.id(), made) == 1);

        // The session booked before is moved after the deletion: the new calendar shows the move.
        Instant moved = booked.start.plus(1, ChronoUnit.DAYS);
        MirrorFixtures.publish(booked, RoomEventType.ROOM_RESCHEDULED, 1, moved);
        await().atMost(WAIT).until(() -> MirrorFixtures.eventsOf(host, booked).stream()
                .anyMatch(e -> made.equals(e.get("calendarId")) && MirrorFixtures.instant(e, "start").equals(moved)));
        assertThat(MirrorFixtures.eventsOf(host, booked)).hasSize(1);
        assertThat(ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE room_id = ? AND status = 'parked'", booked.id)).isZero();

        assertThat(ConnectionRows.connection(other.id())).containsEntry("calendar_id", otherCalendar);
    }

    private static String refreshTokenOf(TestUser person) {
        return new io.schedulr.calendarsync.adapter.out.crypto.AesGcmTokenVault(io.schedulr.calendarsync.config.TokenKeys.parse(
                System.getProperty(io.schedulr.calendarsync.LocalGoogleTestResource.KEYS_PROPERTY)))
                .open(ConnectionRows.connection(person.id()).get("google_refresh_token"));
    }
}

package io.schedulr.calendarsync.mirror;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.calendarsync.application.port.in.SyncCalendarsUseCase;
import io.schedulr.calendarsync.application.port.in.WatchCalendarsUseCase;
import io.schedulr.calendarsync.connection.ConnectionRows;
import io.schedulr.calendarsync.connection.LocalGoogleAccount;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.RoomCommand;
import io.schedulr.events.RoomCommandType;
import io.schedulr.events.RoomEventType;
import io.schedulr.events.Topics;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.TopicProbe;
import io.schedulr.testsupport.Tokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * What a host does to a room's event in Google reaches scheduling-service as a command, through real push channels
 * from the local Google to our webhook, the incremental sync and real PostgreSQL/Kafka; our own writes never come back.
 */
@QuarkusTest
class GoogleToAppTest {
    private static final Duration WAIT = MirrorFixtures.WAIT;
    private TopicProbe commands;

    @Inject
    WatchCalendarsUseCase watches;

    @Inject
    SyncCalendarsUseCase syncs;

    @BeforeEach
    void probe() {
        commands = TopicProbe.fromNow(Topics.ROOM_COMMANDS);
    }

    @AfterEach
    void close() {
        commands.close();
    }

    @Test
    void theHostMovingOrDeletingTheEventInGoogleBecomesACommandAndOurOwnChangesDoNotComeBack() {
        TestUser host = Tokens.newUser("Hana Host", "Europe/Berlin");
        MirrorFixtures.Room room = bookedOnGoogle(host);

        // Our insert made Google push; the sync sees the event as we wrote it: nothing is sent back.
        awaitSyncedAfterMirror(host);
        assertThat(commands.collect(forRoom(room), Duration.ofSeconds(2))).isEmpty();

        Instant moved = room.start.plus(3, ChronoUnit.HOURS);
        moveInGoogle(host, room, moved, moved.plus(30, ChronoUnit.MINUTES));
        CloudEvent<RoomCommand> reschedule = awaitCommand(room, 1);
        assertThat(reschedule.type()).isEqualTo(RoomCommandType.RESCHEDULE_ROOM.cloudEventType());
        assertThat(reschedule.data().actorId()).isEqualTo(host.id());
        assertThat(reschedule.data().newStart()).isEqualTo(moved);
        assertThat(reschedule.data().newEnd()).isEqualTo(moved.plus(30, ChronoUnit.MINUTES));
        assertThat(reschedule.data().sequence()).isZero();
        assertThat(reschedule.data().icsUid()).isEqualTo(room.icsUid);

        // scheduling-service reschedules the room; its event reaches us and Google already shows that time: no call, no loop.
        String followed = MirrorFixtures.publish(room, RoomEventType.ROOM_RESCHEDULED, 1, moved);
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE status = 'done' AND event_id = ?",
                followed) == 1);
        assertThat(ConnectionRows.count("SELECT count(*) FROM google_call_audit WHERE room_id = ? AND operation = 'events.patch'", room.id))
                .isEqualTo(1);
        assertThat(commands.collect(forRoom(room), Duration.ofSeconds(2))).hasSize(1);

        LocalGoogleAccount.control("events/delete", "{\"email\": \"" + host.email() + "\", \"iCalUID\": \"" + room.icsUid + "\"}");
        CloudEvent<RoomCommand> cancel = awaitCommand(room, 2);
        assertThat(cancel.type()).isEqualTo(RoomCommandType.CANCEL_ROOM.cloudEventType());
        assertThat(cancel.data().sequence()).isEqualTo(1);
        // The room's cancellation coming back deletes nothing more at Google.
        String cancelled = MirrorFixtures.publish(room, RoomEventType.ROOM_CANCELLED, 2, moved);
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE status = 'done' AND event_id = ?",
                cancelled) == 1);
        assertThat(ConnectionRows.count("SELECT count(*) FROM google_call_audit WHERE room_id = ? AND operation = 'events.delete'", room.id))
                .isZero();
        assertThat(commands.collect(forRoom(room), Duration.ofSeconds(2))).hasSize(2);
    }

    @Test
    void aMoveTheRoomRefusesIsWrittenBackOntoTheEventAndTheHostsNextMoveIsJudgedAgainstIt() {
        TestUser host = Tokens.newUser("Pia Putback", "Europe/Berlin");
        MirrorFixtures.Room room = bookedAndSynced(host);
        int mailsBefore = MirrorFixtures.mailsTo(room.guestEmail).size();

        Instant past = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        moveInGoogle(host, room, past, past.plus(30, ChronoUnit.MINUTES));
        assertThat(awaitCommand(room, 1).data().newStart()).isEqualTo(past);

        // scheduling-service refuses a start that has passed: the room is announced again where it is, one SEQUENCE up.
        MirrorFixtures.publish(room, RoomEventType.ROOM_RESCHEDULED, 1, room.start);
        await().atMost(WAIT).until(() -> room.start.equals(MirrorFixtures.instant(MirrorFixtures.eventsOf(host, room).get(0), "start")));
        assertThat(MirrorFixtures.instant(MirrorFixtures.eventsOf(host, room).get(0), "end")).isEqualTo(room.start.plus(30, ChronoUnit.MINUTES));
        assertThat(String.valueOf(MirrorFixtures.eventsOf(host, room).get(0).get("description"))).as("the event says why")
                .contains("Schedulr put this session back at its time").contains("it cannot be moved to a time that has passed");
        // Google tells the guest the time is back (its mail may follow the write by a moment)
        await().atMost(WAIT).until(() -> MirrorFixtures.mailsTo(room.guestEmail).size() == mailsBefore + 1);
        assertThat(commands.collect(forRoom(room), Duration.ofSeconds(2))).as("our write back is no change of the host's").hasSize(1);

        Instant later = room.start.plus(1, ChronoUnit.DAYS);
        moveInGoogle(host, room, later, later.plus(30, ChronoUnit.MINUTES));
        CloudEvent<RoomCommand> next = awaitCommand(room, 2);
        assertThat(next.data().newStart()).isEqualTo(later);
        assertThat(next.data().sequence()).as("made against the room's SEQUENCE after the put-back").isEqualTo(1);
    }

    @Test
    void aWholeDayEventIsPutBackAtTheSessionsTimeAndTheEventSaysWhy() {
        TestUser host = Tokens.newUser("Willa Wholeday", "Europe/Berlin");
        MirrorFixtures.Room room = bookedAndSynced(host);
        int mailsBefore = MirrorFixtures.mailsTo(room.guestEmail).size();

        // The host makes the session's event a whole-day one two days later: a date, no time.
        java.time.LocalDate day = room.start.atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(2);
        LocalGoogleAccount.control("events/move", "{\"email\": \"" + host.email() + "\", \"iCalUID\": \"" + room.icsUid
                + "\", \"start\": {\"date\": \"" + day + "\"}, \"end\": {\"date\": \"" + day.plusDays(1) + "\"}}");
        CloudEvent<RoomCommand> command = awaitCommand(room, 1);
        assertThat(command.type()).isEqualTo(RoomCommandType.RESCHEDULE_ROOM.cloudEventType());
        assertThat(command.data().newStart()).as("the room is asked to stay at its own time").isEqualTo(room.start);
        assertThat(command.data().sequence()).isZero();

        // scheduling-service keeps the room where it is, one SEQUENCE up: the event is a timed one at that time again.
        MirrorFixtures.publish(room, RoomEventType.ROOM_RESCHEDULED, 1, room.start);
        await().atMost(WAIT).ignoreExceptions()
                .until(() -> room.start.equals(MirrorFixtures.instant(MirrorFixtures.eventsOf(host, room).get(0), "start")));
        Map<String, Object> event = MirrorFixtures.eventsOf(host, room).get(0);
        assertThat(MirrorFixtures.instant(event, "end")).isEqualTo(room.start.plus(30, ChronoUnit.MINUTES));
        assertThat(((Map<?, ?>) event.get("start")).containsKey("date")).as("no longer a whole-day event").isFalse();
        assertThat(String.valueOf(event.get("description"))).as("the event says why").contains("it cannot be a whole-day event");
        await().atMost(WAIT).until(() -> MirrorFixtures.mailsTo(room.guestEmail).size() == mailsBefore + 1);
        assertThat(commands.collect(forRoom(room), Duration.ofSeconds(2))).as("our write back is no change of the host's").hasSize(1);
    }

    @Test
    void theGuestDecliningReleasesTheBookingAndTheNextBookingIsANewEvent() {
        TestUser host = Tokens.newUser("Dora Decline", "UTC");
        MirrorFixtures.Room room = bookedOnGoogle(host);

        LocalGoogleAccount.control("events/respond", "{\"email\": \"" + room.guestEmail + "\", \"iCalUID\": \"" + room.icsUid
                + "\", \"response\": \"declined\"}");
        CloudEvent<RoomCommand> release = awaitCommand(room, 1);
        assertThat(release.type()).isEqualTo(RoomCommandType.RELEASE_BOOKING.cloudEventType());
        assertThat(release.data().actorId()).isEqualTo("guest-sub-" + room.id);
        assertThat(release.data().icsUid()).isEqualTo(room.icsUid);

        // scheduling-service releases the booking: the event goes; the room booked again is a new meeting with its own event.
        MirrorFixtures.publish(room, RoomEventType.ROOM_RELEASED, 1, room.start);
        await().atMost(WAIT).until(() -> "cancelled".equals(MirrorFixtures.eventsOf(host, room).get(0).get("status")));
        MirrorFixtures.Room again = new MirrorFixtures.Room(host, room.id);
        MirrorFixtures.publish(again, RoomEventType.ROOM_BOOKED, 0, room.start);
        await().atMost(WAIT).until(() -> MirrorFixtures.eventsOf(host, room).stream()
                .anyMatch(e -> again.icsUid.equals(e.get("iCalUID")) && "confirmed".equals(e.get("status"))));
        assertThat(commands.collect(forRoom(room), Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void whenGoogleWantsAFullSyncTheDiffFindsAnEventDeletedMeanwhile() {
        TestUser host = Tokens.newUser("Fran Fullsync", "UTC");
        MirrorFixtures.Room room = bookedAndSynced(host);

        LocalGoogleAccount.control("expire-sync-tokens", "{}");
        LocalGoogleAccount.control("events/delete", "{\"email\": \"" + host.email() + "\", \"iCalUID\": \"" + room.icsUid + "\"}");

        CloudEvent<RoomCommand> cancel = awaitCommand(room, 1);
        assertThat(cancel.type()).isEqualTo(RoomCommandType.CANCEL_ROOM.cloudEventType());
        assertThat(ConnectionRows.count("SELECT count(*) FROM google_call_audit WHERE person_id = ? AND operation = 'events.list(sync)' "
                + "AND outcome = '410 full sync required'", host.id())).isGreaterThanOrEqualTo(1);
        assertThat(ConnectionRows.count("SELECT count(*) FROM google_call_audit WHERE person_id = ? AND operation = 'events.list(full)'",
                host.id())).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theBackstopSyncsACalendarThatHeardNothingForAWhile() {
        TestUser host = Tokens.newUser("Bea Backstop", "UTC");
        MirrorFixtures.connect(host);
        MirrorFixtures.awaitWatched(host);
        ConnectionRows.execute("UPDATE calendar_sync SET synced_at = now() - interval '1 hour' WHERE user_id = ?", host.id());
        long listings = ConnectionRows.count("SELECT count(*) FROM google_call_audit WHERE person_id = ? AND operation LIKE 'events.list%'",
                host.id());

        assertThat(syncs.requestStale(Duration.ofMinutes(30))).isGreaterThanOrEqualTo(1);

        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM calendar_sync WHERE user_id = ? "
                + "AND synced_at > now() - interval '1 minute' AND requested_at IS NULL", host.id()) == 1);
        assertThat(ConnectionRows.count("SELECT count(*) FROM google_call_audit WHERE person_id = ? AND operation LIKE 'events.list%'",
                host.id())).isGreaterThan(listings);
    }

    @Test
    void forgedOrUnknownPushesAreRefusedAndChangeNothing() {
        TestUser host = Tokens.newUser("Pia Push", "UTC");
        MirrorFixtures.connect(host);
        MirrorFixtures.awaitWatched(host);
        Map<String, String> channel = ConnectionRows.row("SELECT channel_id, resource_id FROM webhook_channels WHERE user_id = ? "
                + "AND status = 'active'", host.id());
        long before = requests(host);

        push(null, "t", "exists").statusCode(400).body("code", equalTo("not_a_google_push"));
        push("no-such-channel", "t", "exists").statusCode(404).body("code", equalTo("unknown_channel"));
        push(channel.get("channel_id"), "not-the-token", "exists").statusCode(403).body("code", equalTo("channel_token_mismatch"));
        push(channel.get("channel_id"), null, "exists").statusCode(403);
        given().header("X-Goog-Channel-ID", channel.get("channel_id")).header("X-Goog-Channel-Token", "x")
                .header("X-Goog-Resource-ID", "another-resource").header("X-Goog-Resource-State", "exists")
                .when().post("/api/google/webhook").then().statusCode(403);

        assertThat(requests(host)).isEqualTo(before);
    }

    @Test
    void aRenewedChannelTakesOverBeforeTheOldOneIsStoppedAndDisconnectingStopsTheRest() {
        TestUser host = Tokens.newUser("Remy Renew", "UTC");
        MirrorFixtures.connect(host);
        String first = MirrorFixtures.awaitWatched(host);

        // As if the channel were about to end: a new one opens, the old one works until the new one is proven.
        watches.openChannels(Instant.now().plus(30, ChronoUnit.DAYS));
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM webhook_channels WHERE user_id = ? AND status = 'active' "
                + "AND confirmed_at IS NOT NULL AND channel_id <> '" + first + "'", host.id()) == 1);
        await().atMost(WAIT).until(() -> "stopped".equals(ConnectionRows.row("SELECT status FROM webhook_channels WHERE channel_id = ?",
                first).get("status")));
        assertThat(ConnectionRows.count("SELECT count(*) FROM google_call_audit WHERE person_id = ? AND operation = 'channels.stop' "
                + "AND outcome LIKE 'ok: channel " + first + "%'", host.id())).isEqualTo(1);
        // Google no longer knows the old channel: stopping it again is a 404 there, and a push through it is refused here.
        push(first, "whatever", "exists").statusCode(404);

        given().auth().oauth2(host.token()).when().delete("/api/calendar/connection").then().statusCode(200);
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM webhook_channels WHERE user_id = ? AND status <> 'stopped'",
                host.id()) == 0);
        assertThat(ConnectionRows.count("SELECT count(*) FROM calendar_sync WHERE user_id = ?", host.id())).isZero();
    }

    private static io.restassured.response.ValidatableResponse push(String channelId, String token, String state) {
        var request = given().header("X-Goog-Resource-State", state).header("X-Goog-Message-Number", "7");
        if (channelId != null) {
            request.header("X-Goog-Channel-ID", channelId);
        }
        if (token != null) {
            request.header("X-Goog-Channel-Token", token);
        }
        return request.when().post("/api/google/webhook").then();
    }

    /** {@link #bookedOnGoogle}, and the push our own insert caused synced: what the host does next is theirs alone. */
    private static MirrorFixtures.Room bookedAndSynced(TestUser host) {
        MirrorFixtures.Room room = bookedOnGoogle(host);
        awaitSyncedAfterMirror(host);
        return room;
    }

    /** A connected, watched host whose booked room is on their Google calendar. */
    private static MirrorFixtures.Room bookedOnGoogle(TestUser host) {
        MirrorFixtures.connect(host);
        MirrorFixtures.awaitWatched(host);
        MirrorFixtures.Room room = new MirrorFixtures.Room(host);
        MirrorFixtures.publish(room, RoomEventType.ROOM_BOOKED, 0, room.start);
        MirrorFixtures.awaitOneEvent(host, room);
        return room;
    }

    /** The host moves the room's event in Google. */
    private static void moveInGoogle(TestUser host, MirrorFixtures.Room room, Instant start, Instant end) {
        LocalGoogleAccount.control("events/move", "{\"email\": \"" + host.email() + "\", \"iCalUID\": \"" + room.icsUid + "\", \"start\": \""
                + start + "\", \"end\": \"" + end + "\"}");
    }

    /** The push our own insert caused has been synced. */
    private static void awaitSyncedAfterMirror(TestUser host) {
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM calendar_sync WHERE user_id = ? AND requested_at IS NULL "
                + "AND synced_at > (SELECT max(at) FROM google_call_audit WHERE person_id = ? AND operation = 'events.insert')",
                host.id(), host.id()) == 1);
    }

    private static long requests(TestUser host) {
        return ConnectionRows.count("SELECT request_count FROM calendar_sync WHERE user_id = ?", host.id());
    }

    /** The room's {@code nth} command since the test began. */
    private CloudEvent<RoomCommand> awaitCommand(MirrorFixtures.Room room, int nth) {
        List<ConsumerRecord<String, String>> found = commands.await(forRoom(room), nth, WAIT);
        assertThat(found).hasSize(nth);
        return EventCodec.decodeRoomCommand(found.get(nth - 1).value());
    }

    private static java.util.function.Predicate<ConsumerRecord<String, String>> forRoom(MirrorFixtures.Room room) {
        return record -> room.id.equals(record.key());
    }
}

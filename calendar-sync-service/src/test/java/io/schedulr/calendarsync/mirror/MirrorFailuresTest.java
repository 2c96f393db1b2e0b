package io.schedulr.calendarsync.mirror;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.calendarsync.connection.ConnectionRows;
import io.schedulr.calendarsync.connection.LocalGoogleAccount;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.RoomEventType;
import io.schedulr.events.RoomMirrorFailure;
import io.schedulr.events.Topics;
import io.schedulr.testsupport.Metrics;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.TopicProbe;
import io.schedulr.testsupport.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What Google throws at the mirror, over HTTP against the local Google with real PostgreSQL/Kafka: a throttling storm
 * still lands every change once; a revoked grant announces the change (so the participants are emailed) and makes it wait
 * for the host to reconnect, after which it is mirrored without Google mailing the guest again; a refusal for good
 * parks it and announces it (so the participants are emailed instead), as does a host who never connected.
 */
@QuarkusTest
class MirrorFailuresTest {
    private static final Duration WAIT = MirrorFixtures.WAIT;
    private TopicProbe failures;

    @BeforeEach
    void probe() {
        failures = TopicProbe.fromNow(Topics.CALENDAR_MIRROR_FAILURES);
    }

    @AfterEach
    void close() {
        failures.close();
    }

    @Test
    void aStormOf429sStillLandsTheBookingExactlyOnce() {
        TestUser host = Tokens.newUser("Stormy Host", "Europe/Berlin");
        MirrorFixturesAccess.connectAndAwaitWatched(host);
        MirrorFixtures.Room room = new MirrorFixtures.Room(host);
        LocalGoogleAccount.control("fail", "{\"count\": 8, \"status\": 429}");

        MirrorFixtures.publish(room, RoomEventType.ROOM_BOOKED, 0, room.start);

        MirrorFixtures.awaitOneEvent(host, room);
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE room_id = ? AND status = 'done'",
                room.id) == 1);
        assertThat(ConnectionRows.count("SELECT attempts FROM mirror_job WHERE room_id = ?", room.id)).isGreaterThanOrEqualTo(1);
        assertThat(ConnectionRows.count("SELECT count(*) FROM google_call_audit WHERE room_id = ? AND outcome LIKE 'unavailable%'", room.id))
                .isGreaterThanOrEqualTo(1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> MirrorFixtures.eventsOf(host, room).size() == 1);
        assertThat(failures.collect(record -> room.id.equals(record.key()), Duration.ofMillis(500))).isEmpty();
    }

    @Test
    void aGoogleCallThatGetsNoAnswerIsGivenUpOnAfterTheReadTimeoutAndTheBookingStillLandsOnce() {
        TestUser host = Tokens.newUser("Slow Google Host", "UTC");
        MirrorFixturesAccess.connectAndAwaitWatched(host);
        MirrorFixtures.Room room = new MirrorFixtures.Room(host);
        double givenUp = Metrics.count("schedulr_google_calls_total", "api=\"calendar\"", "outcome=\"network\"");
        // Google holds the host's next call for 15 s (a brown-out); the test profile's read timeout is 5 s.
        LocalGoogleAccount.control("delay", "{\"count\": 1, \"millis\": 15000, \"email\": \"" + host.email() + "\"}");
        try {
            MirrorFixtures.publish(room, RoomEventType.ROOM_BOOKED, 0, room.start);

            await().atMost(Duration.ofSeconds(12)).until(() -> MirrorFixtures.eventsOf(host, room).size() == 1);
            assertThat(Metrics.count("schedulr_google_calls_total", "api=\"calendar\"", "outcome=\"network\""))
                    .as("the call that got no answer, given up on").isGreaterThanOrEqualTo(givenUp + 1);
        } finally {
            LocalGoogleAccount.control("delay", "{\"count\": 0}");
        }
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE room_id = ? AND status = 'done'",
                room.id) == 1);
        assertThat(MirrorFixtures.eventsOf(host, room)).hasSize(1);
    }

    @Test
    void aRevokedGrantAnnouncesTheChangeAndMakesItWaitUntilTheHostReconnectsThenGoogleMailsNobody() {
        TestUser host = Tokens.newUser("Revy Revoked", "UTC");
        MirrorFixturesAccess.connectAndAwaitWatched(host);
        LocalGoogleAccount.control("revoke", "{\"email\":\"" + host.email() + "\"}");
        MirrorFixtures.Room room = new MirrorFixtures.Room(host);

        String booked = MirrorFixtures.publish(room, RoomEventType.ROOM_BOOKED, 0, room.start);

        await().atMost(WAIT).until(() -> "revoked".equals(ConnectionRows.connection(host.id()).get("status")));
        // Google tells the guest nothing now: announced, so notification-service emails the participants.
        CloudEvent<RoomMirrorFailure> announced = awaitFailure(room);
        assertThat(announced.data().reason()).isEqualTo("revoked");
        assertThat(announced.data().change()).isEqualTo(RoomEventType.ROOM_BOOKED.cloudEventType());
        assertThat(announced.data().room().guest().email()).isEqualTo(room.guestEmail);
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE event_id = ? AND status = 'pending' "
                + "AND silent", booked) == 1);
        assertThat(MirrorFixtures.eventsOf(host, room)).isEmpty();

        MirrorFixtures.connect(host);
        MirrorFixtures.awaitOneEvent(host, room);
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE event_id = ? AND status = 'done'",
                booked) == 1);
        // On the host's calendar, with the guest, but Google mailed them nothing: they were emailed once already.
        assertThat((List<?>) MirrorFixtures.awaitOneEvent(host, room).get("attendees")).singleElement().asString().contains(room.guestEmail);
        assertThat(MirrorFixtures.mailsTo(room.guestEmail)).isEmpty();
        assertThat(ConnectionRows.count("SELECT count(*) FROM google_call_audit WHERE room_id = ? AND operation = 'events.insert' "
                + "AND outcome = 'ok'", room.id)).isEqualTo(1);
        // Announced exactly once.
        assertThat(failures.collect(record -> room.id.equals(record.key()), Duration.ofMillis(500))).hasSize(1);
    }

    @Test
    void aChangeGoogleRefusesForGoodIsParkedAndAnnounced() {
        TestUser host = Tokens.newUser("Parker Host", "UTC");
        MirrorFixturesAccess.connectAndAwaitWatched(host);
        // Google refuses a private property value over 1024 characters (400 invalid).
        MirrorFixtures.Room room = new MirrorFixtures.Room(host, "room-" + "x".repeat(1100));

        String booked = MirrorFixtures.publish(room, RoomEventType.ROOM_BOOKED, 0, room.start);

        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE event_id = ? AND status = 'parked'",
                booked) == 1);
        assertThat(ConnectionRows.row("SELECT last_error FROM mirror_job WHERE event_id = ?", booked).get("last_error"))
                .contains("400", "extended property");
        assertThat(ConnectionRows.count("SELECT count(*) FROM google_call_audit WHERE room_id = ? AND outcome LIKE 'refused 400%'", room.id))
                .isEqualTo(1);
        CloudEvent<RoomMirrorFailure> announced = awaitFailure(room);
        assertThat(announced.data().reason()).isEqualTo("google_rejected:400");
        assertThat(announced.data().change()).isEqualTo(RoomEventType.ROOM_BOOKED.cloudEventType());
        assertThat(announced.data().room().icsUid()).isEqualTo(room.icsUid);
        assertThat(announced.data().room().guest().email()).isEqualTo(room.guestEmail);
    }

    @Test
    void aHostWhoNeverConnectedIsAnnouncedSoTheParticipantsAreEmailed() {
        TestUser host = Tokens.newUser("Nina Neverconnected", "UTC");
        MirrorFixtures.Room room = new MirrorFixtures.Room(host);

        MirrorFixtures.publish(room, RoomEventType.ROOM_BOOKED, 0, room.start);

        CloudEvent<RoomMirrorFailure> announced = awaitFailure(room);
        assertThat(announced.data().reason()).isEqualTo("not_connected");
        assertThat(announced.data().room().host().email()).isEqualTo(host.email());
    }

    @Test
    void cancellingAMeetingBookedBeforeTheHostConnectedIsAnnouncedTooSinceGoogleNeverHadIt() {
        TestUser host = Tokens.newUser("Carl Connectslater", "UTC");
        MirrorFixtures.Room room = new MirrorFixtures.Room(host);
        MirrorFixtures.publish(room, RoomEventType.ROOM_BOOKED, 0, room.start);
        assertThat(awaitFailure(room).data().reason()).isEqualTo("not_connected");
        MirrorFixturesAccess.connectAndAwaitWatched(host);

        String cancelled = MirrorFixtures.publish(room, RoomEventType.ROOM_CANCELLED, 1, room.start);

        // The participants were emailed the invitation, and Google has nothing to cancel: the cancellation is emailed too.
        List<ConsumerRecord<String, String>> found = failures.await(record -> room.id.equals(record.key()), 2, WAIT);
        assertThat(found).hasSize(2);
        RoomMirrorFailure cancel = EventCodec.decodeRoomMirrorFailure(found.get(1).value()).data();
        assertThat(cancel.reason()).isEqualTo("not_on_google");
        assertThat(cancel.change()).isEqualTo(RoomEventType.ROOM_CANCELLED.cloudEventType());
        assertThat(cancel.room().sequence()).isEqualTo(1);
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE event_id = ? AND status = 'done'",
                cancelled) == 1);
        assertThat(MirrorFixtures.eventsOf(host, room)).isEmpty();
    }

    @Test
    void aHostWhoDisconnectedComesBackToACalendarWithoutTheSessionDeletedMeanwhileAndGoogleMailsNobody() {
        TestUser host = Tokens.newUser("Dora Disconnects", "UTC");
        MirrorFixturesAccess.connectAndAwaitWatched(host);
        MirrorFixtures.Room room = new MirrorFixtures.Room(host);
        MirrorFixtures.publish(room, RoomEventType.ROOM_BOOKED, 0, room.start);
        MirrorFixtures.awaitOneEvent(host, room);
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM room_mirror WHERE room_id = ? "
                + "AND google_event_id IS NOT NULL", room.id) == 1);
        given().header("Authorization", host.bearer()).when().delete("/api/calendar/connection").then().statusCode(200);

        String cancelled = MirrorFixtures.publish(room, RoomEventType.ROOM_CANCELLED, 1, room.start);

        // Google tells the guest nothing now: announced, so notification-service emails the participants.
        CloudEvent<RoomMirrorFailure> announced = awaitFailure(room);
        assertThat(announced.data().reason()).isEqualTo("not_connected");
        assertThat(announced.data().change()).isEqualTo(RoomEventType.ROOM_CANCELLED.cloudEventType());
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE event_id = ? AND status = 'pending' "
                + "AND silent", cancelled) == 1);
        assertThat(MirrorFixtures.eventsOf(host, room)).singleElement().satisfies(e -> assertThat(e.get("status")).isEqualTo("confirmed"));

        MirrorFixtures.connect(host);
        await().atMost(WAIT).until(() -> "cancelled".equals(MirrorFixtures.eventsOf(host, room).get(0).get("status")));
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE event_id = ? AND status = 'done'",
                cancelled) == 1);
        // Google invited the guest when the room was booked, and says nothing of the deletion: we emailed them.
        assertThat(MirrorFixtures.mailsTo(room.guestEmail)).singleElement().satisfies(m -> assertThat(m.get("method")).isEqualTo("REQUEST"));
    }

    private CloudEvent<RoomMirrorFailure> awaitFailure(MirrorFixtures.Room room) {
        List<ConsumerRecord<String, String>> found = failures.await(record -> room.id.equals(record.key()), 1, WAIT);
        assertThat(found).hasSize(1);
        return EventCodec.decodeRoomMirrorFailure(found.get(0).value());
    }
}

package io.schedulr.scheduling.calendar;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.RoomCommand;
import io.schedulr.events.RoomCommandType;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.scheduling.api.RoomApi;
import io.schedulr.scheduling.api.RoomEvents;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Changes hosts and guests make in Google Calendar, as calendar-sync-service publishes them on the real
 * {@code scheduling.room-commands.v1}: they reach the room through the app's own rules, over HTTP and on the room
 * events topic as if made in the app; stale, foreign and malformed commands change nothing and hold nothing up.
 */
@QuarkusTest
class GoogleSideChangesTest {
    private static final AtomicInteger DAYS = new AtomicInteger(600);

    @BeforeAll
    static void topic() {
        RoomCommandRecords.ensureTopic();
    }

    @Test
    void aMoveByTheHostReschedulesTheRoomAndStaleOrForeignMovesChangeNothing() {
        TestUser host = Tokens.newUser("Google Mover", "Europe/Berlin");
        TestUser guest = Tokens.newUser("Google Guest", "UTC");
        try (RoomEvents events = new RoomEvents()) {
            String room = RoomApi.createRoom(host, DAYS.incrementAndGet());
            RoomApi.book(guest, room).statusCode(200);
            int booked = events.awaitOne(room, RoomEventType.ROOM_BOOKED).data().sequence();

            Instant moved = RoomApi.inDays(DAYS.incrementAndGet()).plus(3, ChronoUnit.HOURS);
            // Google also shows the event 30 minutes longer: the room keeps its own length.
            RoomCommandRecords.reschedule(room, host.id(), moved, moved.plus(90, ChronoUnit.MINUTES), booked);

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> moved.equals(startOf(host, room)));
            CloudEvent<RoomEvent> rescheduled = events.awaitOne(room, RoomEventType.ROOM_RESCHEDULED);
            assertThat(rescheduled.data().sequence()).isGreaterThan(booked);
            assertThat(rescheduled.data().startUtc()).isEqualTo(moved);
            assertThat(rescheduled.data().endUtc()).isEqualTo(moved.plus(60, ChronoUnit.MINUTES));
            assertThat(rescheduled.data().guest().id()).isEqualTo(guest.id());

            // Made in Google against the booking's SEQUENCE, which the move has passed: stale.
            RecordMetadata stale = RoomCommandRecords.reschedule(room, host.id(), moved.plus(1, ChronoUnit.DAYS),
                    moved.plus(1, ChronoUnit.DAYS).plus(60, ChronoUnit.MINUTES), booked);
            // The guest is not the host; neither is someone unknown.
            int current = rescheduled.data().sequence();
            RoomCommandRecords.reschedule(room, guest.id(), moved.plus(2, ChronoUnit.DAYS), moved.plus(2, ChronoUnit.DAYS).plus(1,
                    ChronoUnit.HOURS), current);
            RecordMetadata stranger = RoomCommandRecords.reschedule(room, "google-stranger", moved.plus(3, ChronoUnit.DAYS),
                    moved.plus(3, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS), current);
            assertThat(stranger.partition()).isEqualTo(stale.partition());
            RoomCommandRecords.awaitConsumed(stranger);

            assertThat(startOf(host, room)).isEqualTo(moved);
            assertThat(events.collect(RoomEvents.of(room), Duration.ofSeconds(2)))
                    .as("nothing after the one RESCHEDULED").extracting(CloudEvent::type)
                    .containsExactly(RoomEventType.ROOM_CREATED.cloudEventType(), RoomEventType.ROOM_BOOKED.cloudEventType(),
                            RoomEventType.ROOM_RESCHEDULED.cloudEventType());
        }
    }

    @Test
    void aMoveIntoThePastIsPutBackAndTheHostsNextMoveIsFollowed() {
        TestUser host = Tokens.newUser("Google Past Mover", "Europe/Berlin");
        TestUser guest = Tokens.newUser("Google Past Guest", "UTC");
        try (RoomEvents events = new RoomEvents()) {
            String room = RoomApi.createRoom(host, DAYS.incrementAndGet());
            RoomApi.book(guest, room).statusCode(200);
            RoomEvent booked = events.awaitOne(room, RoomEventType.ROOM_BOOKED).data();

            Instant past = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
            RoomCommandRecords.reschedule(room, host.id(), past, past.plus(60, ChronoUnit.MINUTES), booked.sequence());

            // Announced again where it is, one SEQUENCE up: calendar-sync-service writes that time back onto the event.
            CloudEvent<RoomEvent> putBack = events.awaitOne(room, RoomEventType.ROOM_RESCHEDULED);
            assertThat(putBack.data().sequence()).isEqualTo(booked.sequence() + 1);
            assertThat(putBack.data().startUtc()).isEqualTo(booked.startUtc());
            assertThat(putBack.data().endUtc()).isEqualTo(booked.endUtc());
            assertThat(putBack.data().guest().id()).isEqualTo(guest.id());
            assertThat(startOf(host, room)).isEqualTo(booked.startUtc());

            // The host's next move in Google is made against that SEQUENCE, and followed.
            Instant moved = RoomApi.inDays(DAYS.incrementAndGet());
            RoomCommandRecords.reschedule(room, host.id(), moved, moved.plus(60, ChronoUnit.MINUTES), putBack.data().sequence());
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> moved.equals(startOf(host, room)));
        }
    }

    @Test
    void malformedCommandsFailAloneAndTheNextDeletionStillCancelsTheRoom() {
        TestUser host = Tokens.newUser("Google Deleter", "UTC");
        TestUser guest = Tokens.newUser("Google Deleted Guest", "UTC");
        try (RoomEvents events = new RoomEvents()) {
            String room = RoomApi.createRoom(host, DAYS.incrementAndGet());
            RoomApi.book(guest, room).statusCode(200);
            int booked = events.awaitOne(room, RoomEventType.ROOM_BOOKED).data().sequence();

            // Same key as the good command, so they sit before it in the same partition.
            RoomCommandRecords.publishRaw(room, "{not json");
            RoomCommandRecords.publishRaw(room, null);
            RoomCommandRecords.publishRaw(room, "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"io.schedulr.scheduling.shred-room.v1\","
                    + "\"data\":{\"roomId\":\"" + room + "\",\"actorId\":\"" + host.id() + "\"}}");
            RoomCommandRecords.publish(RoomCommandType.CANCEL_ROOM, new RoomCommand("not-a-room-id", null, host.id(), null, null, booked,
                    Instant.now()));
            RoomCommandRecords.publish(RoomCommandType.RESCHEDULE_ROOM, new RoomCommand(room, null, host.id(), null, null, booked,
                    Instant.now()));
            RoomCommandRecords.cancel(room, host.id(), booked);

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> RoomApi.get(host, "/api/practice-rooms/" + room).extract().statusCode() == 404);
            CloudEvent<RoomEvent> cancelled = events.awaitOne(room, RoomEventType.ROOM_CANCELLED);
            assertThat(cancelled.data().sequence()).isGreaterThan(booked);
            RoomApi.get(guest, "/api/practice-rooms/" + room).statusCode(404);
        }
    }

    @Test
    void aDeclineByTheGuestReleasesTheBookingAndOnlyTheGuestsCurrentDeclineCounts() {
        TestUser host = Tokens.newUser("Google Declined Host", "UTC");
        TestUser guest = Tokens.newUser("Google Decliner", "UTC");
        TestUser next = Tokens.newUser("Google Next Guest", "UTC");
        try (RoomEvents events = new RoomEvents()) {
            String room = RoomApi.createRoom(host, DAYS.incrementAndGet());
            RoomApi.book(guest, room).statusCode(200);
            RoomEvent bookedFirst = events.awaitOne(room, RoomEventType.ROOM_BOOKED).data();
            RoomApi.update(host, "{\"roomId\":\"" + room + "\",\"datetimeUtc\":\"" + RoomApi.inDays(DAYS.incrementAndGet()) + "\"}")
                    .statusCode(200);
            RoomEvent booked = events.awaitOne(room, RoomEventType.ROOM_RESCHEDULED).data();

            // The host is not the guest, another invitation is not this room's, a decline of the booking as it was before
            // the move is stale: nothing changes.
            RoomCommandRecords.release(room, booked.icsUid(), host.id(), booked.sequence());
            RoomCommandRecords.release(room, java.util.UUID.randomUUID().toString(), guest.id(), booked.sequence());
            RecordMetadata stale = RoomCommandRecords.release(room, booked.icsUid(), guest.id(), bookedFirst.sequence());
            RoomCommandRecords.awaitConsumed(stale);
            assertThat(RoomApi.get(host, "/api/practice-rooms/" + room).statusCode(200).extract().<String>path("guestId"))
                    .isEqualTo(guest.id());

            RoomCommandRecords.release(room, booked.icsUid(), guest.id(), booked.sequence());

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !RoomApi.get(host, "/api/practice-rooms/" + room).statusCode(200).extract().<Boolean>path("booked"));
            CloudEvent<RoomEvent> released = events.awaitOne(room, RoomEventType.ROOM_RELEASED);
            assertThat(released.data().icsUid()).isEqualTo(booked.icsUid());
            assertThat(released.data().sequence()).isGreaterThan(booked.sequence());
            assertThat(released.data().guest().id()).isEqualTo(guest.id());

            RoomApi.book(next, room).statusCode(200);
            assertThat(events.await(RoomEvents.of(room, RoomEventType.ROOM_BOOKED), 2, Duration.ofSeconds(20)))
                    .extracting(e -> e.data().icsUid()).hasSize(2).doesNotHaveDuplicates();
            assertThat(events.collect(RoomEvents.of(room), Duration.ofSeconds(1))).extracting(CloudEvent::type)
                    .containsExactly(RoomEventType.ROOM_CREATED.cloudEventType(), RoomEventType.ROOM_BOOKED.cloudEventType(),
                            RoomEventType.ROOM_RESCHEDULED.cloudEventType(), RoomEventType.ROOM_RELEASED.cloudEventType(),
                            RoomEventType.ROOM_BOOKED.cloudEventType());
        }
    }

    private static Instant startOf(TestUser viewer, String roomId) {
        return Instant.parse(RoomApi.get(viewer, "/api/practice-rooms/" + roomId).statusCode(200).extract().path("datetimeUtc"));
    }
}

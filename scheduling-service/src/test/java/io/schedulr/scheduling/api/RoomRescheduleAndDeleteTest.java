package io.schedulr.scheduling.api;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RoomRescheduleAndDeleteTest {

    @Test
    void rescheduleOfABookedRoomRaisesTheSequenceAndKeepsTheUid() {
        TestUser host = Tokens.newUser("Host", "Europe/Paris");
        TestUser guest = Tokens.newUser("Guest", "Asia/Kolkata");
        String id = RoomApi.createRoom(host, 4);
        try (RoomEvents events = new RoomEvents()) {
            RoomApi.book(guest, id).statusCode(200);
            CloudEvent<RoomEvent> booked = events.awaitOne(id, RoomEventType.ROOM_BOOKED);

            Instant later = RoomApi.inDays(5);
            RoomApi.update(host, "{\"roomId\":\"" + id + "\",\"datetimeUtc\":\"" + later + "\"}").statusCode(200)
                    .body("datetimeUtc", equalTo(later.toString()));

            CloudEvent<RoomEvent> moved = events.awaitOne(id, RoomEventType.ROOM_RESCHEDULED);
            assertThat(moved.data().icsUid()).isEqualTo(booked.data().icsUid());
            assertThat(moved.data().sequence()).isGreaterThan(booked.data().sequence());
            assertThat(moved.data().startUtc()).isEqualTo(later);
            assertThat(moved.data().guest().email()).isEqualTo(guest.email());
        }
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'room.rescheduled' "
                + "AND before->>'datetimeUtc' IS DISTINCT FROM after->>'datetimeUtc'", id)).isEqualTo(1);
    }

    @Test
    void onlyTheHostReschedulesChangesPrivacyOrDeletes() {
        TestUser host = Tokens.newUser("Host", "UTC");
        TestUser guest = Tokens.newUser("Guest", "UTC");
        String id = RoomApi.createRoom(host, 4);
        RoomApi.book(guest, id).statusCode(200);
        RoomApi.update(guest, "{\"roomId\":\"" + id + "\",\"datetimeUtc\":\"" + RoomApi.inDays(6) + "\"}")
                .statusCode(403).body("code", equalTo("not_room_host"));
        RoomApi.update(guest, "{\"roomId\":\"" + id + "\",\"private\":true}").statusCode(403);
        RoomApi.delete(guest, id).statusCode(403).body("code", equalTo("not_room_host"));
        assertThat(Db.count("SELECT count(*) FROM practice_rooms WHERE id = ?::uuid AND NOT private", id)).isEqualTo(1);
    }

    @Test
    void deletingABookedRoomPublishesRoomCancelledThenRemovesTheRows() {
        TestUser host = Tokens.newUser("Host", "UTC");
        TestUser guest = Tokens.newUser("Guest", "UTC");
        String id = RoomApi.createRoom(host, 4);
        try (RoomEvents events = new RoomEvents()) {
            RoomApi.book(guest, id).statusCode(200);
            CloudEvent<RoomEvent> booked = events.awaitOne(id, RoomEventType.ROOM_BOOKED);

            RoomApi.delete(host, id).statusCode(204);

            CloudEvent<RoomEvent> cancelled = events.awaitOne(id, RoomEventType.ROOM_CANCELLED);
            assertThat(cancelled.data().icsUid()).isEqualTo(booked.data().icsUid());
            assertThat(cancelled.data().sequence()).isGreaterThan(booked.data().sequence());
            assertThat(cancelled.data().guest().email()).isEqualTo(guest.email());
        }
        assertThat(Db.count("SELECT count(*) FROM practice_rooms WHERE id = ?::uuid", id)).isZero();
        assertThat(Db.count("SELECT count(*) FROM practice_rounds WHERE room_id = ?::uuid", id)).isZero();
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'room.cancelled' AND after IS NULL", id))
                .isEqualTo(1);
        RoomApi.get(host, "/api/practice-rooms/" + id).statusCode(404).body("code", equalTo("room_not_found"));
        RoomApi.delete(host, id).statusCode(404);
    }

    @Test
    void deletingAnUnbookedRoomCancelsNothing() {
        TestUser host = Tokens.newUser("Host", "UTC");
        String id = RoomApi.createRoom(host, 4);
        try (RoomEvents events = new RoomEvents()) {
            RoomApi.delete(host, id).statusCode(204);
            events.awaitOne(id, RoomEventType.ROOM_DELETED);
            assertThat(events.collect(RoomEvents.of(id, RoomEventType.ROOM_CANCELLED), Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void movingAnUnbookedRoomIsAPlainUpdate() {
        TestUser host = Tokens.newUser("Host", "UTC");
        String id = RoomApi.createRoom(host, 4);
        try (RoomEvents events = new RoomEvents()) {
            RoomApi.update(host, "{\"roomId\":\"" + id + "\",\"datetimeUtc\":\"" + RoomApi.inDays(7) + "\",\"private\":true}")
                    .statusCode(200).body("private", equalTo(true));
            events.awaitOne(id, RoomEventType.ROOM_UPDATED);
            assertThat(events.collect(RoomEvents.of(id, RoomEventType.ROOM_RESCHEDULED), Duration.ofSeconds(1))).isEmpty();
        }
    }
}

package io.schedulr.scheduling.slots;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.scheduling.api.AllAtOnce;
import io.schedulr.scheduling.api.Db;
import io.schedulr.scheduling.api.RoomApi;
import io.schedulr.scheduling.api.RoomEvents;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SlotBookingTest {

    @Test
    void bookingASlotCreatesTheRoomRoundOneAndTheSameRoomBookedEvent() {
        TestUser host = Tokens.newUser("Slot Host", "Europe/London");
        TestUser guest = Tokens.newUser("Slot Guest", "Australia/Sydney");
        Instant start = SlotApi.at(6, 0);
        Instant end = SlotApi.at(6, 1).plusSeconds(1800);
        String slot = SlotApi.publishOne(host, start, end);
        try (RoomEvents events = new RoomEvents()) {
            String roomId = SlotApi.book(guest, slot).statusCode(200)
                    .body("hostId", equalTo(host.id()))
                    .body("guestId", equalTo(guest.id()))
                    .body("datetimeUtc", equalTo(start.toString()))
                    .body("endUtc", equalTo(end.toString()))
                    .extract().path("id");

            CloudEvent<RoomEvent> booked = events.awaitOne(roomId, RoomEventType.ROOM_BOOKED);
            assertThat(booked.data().startUtc()).isEqualTo(start);
            assertThat(booked.data().endUtc()).isEqualTo(end);
            assertThat(booked.data().host().email()).isEqualTo(host.email());
            assertThat(booked.data().guest().email()).isEqualTo(guest.email());
            assertThat(booked.data().icsUid()).isNotBlank();

            assertThat(Db.text("SELECT status::text || ':' || room_id FROM slots WHERE id = ?::uuid", slot)).isEqualTo("booked:" + roomId);
            assertThat(Db.count("SELECT count(*) FROM practice_rounds WHERE room_id = ?::uuid AND round_number = 1", roomId)).isEqualTo(1);
            assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'slot.booked'", slot)).isEqualTo(1);
            RoomApi.get(guest, "/api/practice-rooms?scope=mine").statusCode(200).body("id", org.hamcrest.Matchers.hasItem(roomId));
        }
        SlotApi.list(Tokens.newUser("Late", "UTC"), "?status=open&limit=200").statusCode(200)
                .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(slot)));
    }

    @Test
    void whenTheGuestLeavesTheSlotIsOfferedAgainAndItsRoomIsGone() {
        try (RoomEvents events = new RoomEvents()) {
            SlotApi.BookedSlot booked = SlotApi.booked("Reopening Host", 8);
            TestUser next = Tokens.newUser("Next Guest", "UTC");

            RoomApi.release(booked.guest(), booked.roomId()).statusCode(200).body("booked", equalTo(false));

            events.awaitOne(booked.roomId(), RoomEventType.ROOM_RELEASED);
            events.awaitOne(booked.roomId(), RoomEventType.ROOM_DELETED);
            assertThat(Db.text("SELECT status::text || ':' || coalesce(room_id::text, '-') FROM slots WHERE id = ?::uuid", booked.slotId()))
                    .isEqualTo("open:-");
            RoomApi.get(booked.host(), "/api/practice-rooms/" + booked.roomId()).statusCode(404);
            SlotApi.list(next, "?status=open&limit=200").statusCode(200).body("id", org.hamcrest.Matchers.hasItem(booked.slotId()));
            SlotApi.book(next, booked.slotId()).statusCode(200).body("guestId", equalTo(next.id()));
        }
    }

    @Test
    void concurrentBookersOfOneSlotGetExactlyOneRoom() throws Exception {
        TestUser host = Tokens.newUser("Busy Host", "UTC");
        String slot = SlotApi.publishOne(host, SlotApi.at(7, 0), SlotApi.at(7, 1));
        List<TestUser> guests = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            guests.add(Tokens.newUser("Racer " + i, "UTC"));
        }
        try (RoomEvents events = new RoomEvents()) {
            List<String> answers = AllAtOnce.answers(guests.stream().<Supplier<String>>map(g -> () -> {
                Response answer = SlotApi.book(g, slot).extract().response();
                return answer.statusCode() == 200 ? "200" : answer.statusCode() + " " + answer.path("code");
            }).toList());
            assertThat(answers).filteredOn("200"::equals).hasSize(1);
            // The host being busy now is the winner's booking: the others are told the slot is taken, not that it clashes.
            assertThat(answers).filteredOn(a -> !a.equals("200")).hasSize(guests.size() - 1).containsOnly("409 slot_not_open");
            String roomId = Db.text("SELECT room_id::text FROM slots WHERE id = ?::uuid", slot);
            assertThat(Db.count("SELECT count(*) FROM practice_rooms WHERE host_id = ?", host.id())).isEqualTo(1);
            assertThat(events.await(RoomEvents.of(roomId, RoomEventType.ROOM_BOOKED), 1, Duration.ofSeconds(20))).hasSize(1);
        }
    }

    @Test
    void ownSlotsCannotBeBookedAndBookedSlotsNotTwice() {
        TestUser host = Tokens.newUser("Self", "UTC");
        TestUser guest = Tokens.newUser("Guest", "UTC");
        String slot = SlotApi.publishOne(host, SlotApi.at(8, 0), SlotApi.at(8, 1));
        SlotApi.book(host, slot).statusCode(422).body("code", equalTo("cannot_book_own_slot"));
        SlotApi.book(guest, slot).statusCode(200);
        SlotApi.book(Tokens.newUser("Third", "UTC"), slot).statusCode(409).body("code", equalTo("slot_not_open"));
    }

    @Test
    void cancellingAnOpenSlotNotifiesNobody() {
        TestUser host = Tokens.newUser("Withdrawer", "UTC");
        String slot = SlotApi.publishOne(host, SlotApi.at(9, 0), SlotApi.at(9, 1));
        SlotApi.cancel(Tokens.newUser("Stranger", "UTC"), slot).statusCode(403).body("code", equalTo("not_slot_host"));
        try (RoomEvents events = new RoomEvents()) {
            SlotApi.cancel(host, slot).statusCode(200).body("status", equalTo("cancelled"));
            assertThat(events.collect(r -> r.value().contains(host.id()), Duration.ofSeconds(2))).isEmpty();
        }
        SlotApi.book(Tokens.newUser("Too late", "UTC"), slot).statusCode(409);
        SlotApi.cancel(host, slot).statusCode(409);
    }

    @Test
    void cancellingABookedSlotCancelsItsRoomThroughThePhaseOneFlow() {
        SlotApi.BookedSlot booked = SlotApi.booked("Canceller", 10);
        try (RoomEvents events = new RoomEvents()) {
            SlotApi.cancel(booked.host(), booked.slotId()).statusCode(200).body("status", equalTo("cancelled"))
                    .body("roomId", org.hamcrest.Matchers.nullValue());
            CloudEvent<RoomEvent> cancelled = events.awaitOne(booked.roomId(), RoomEventType.ROOM_CANCELLED);
            assertThat(cancelled.data().guest().email()).isEqualTo(booked.guest().email());
            assertThat(cancelled.data().sequence()).isEqualTo(1);
        }
        assertThat(Db.count("SELECT count(*) FROM practice_rooms WHERE id = ?::uuid", booked.roomId())).isZero();
        assertThat(Db.count("SELECT count(*) FROM practice_rounds WHERE room_id = ?::uuid", booked.roomId())).isZero();
        // the freed time can be offered again
        SlotApi.publishOne(booked.host(), SlotApi.at(10, 0), SlotApi.at(10, 1));
    }

    @Test
    void deletingASlotsRoomReleasesTheSlotAsCancelled() {
        SlotApi.BookedSlot booked = SlotApi.booked("Room Deleter", 11);
        RoomApi.delete(booked.host(), booked.roomId()).statusCode(204);
        assertThat(Db.text("SELECT status::text FROM slots WHERE id = ?::uuid", booked.slotId())).isEqualTo("cancelled");
    }

    @Test
    void aBookedSlotMovesWithItsRoomAndTheTimeItLeftCanBeOfferedAgain() {
        SlotApi.BookedSlot booked = SlotApi.booked("Mover", 12);
        Instant later = SlotApi.at(12, 5);

        RoomApi.update(booked.host(), "{\"roomId\":\"" + booked.roomId() + "\",\"datetimeUtc\":\"" + later + "\"}").statusCode(200)
                .body("endUtc", equalTo(SlotApi.at(12, 6).toString()));

        String mine = "find { it.id == '" + booked.slotId() + "' }";
        SlotApi.list(booked.host(), "?mine=true").statusCode(200)
                .body(mine + ".startTs", equalTo(later.toString()))
                .body(mine + ".endTs", equalTo(SlotApi.at(12, 6).toString()))
                .body(mine + ".status", equalTo("booked"));
        // the old time is free to offer again; the session's new time is not
        SlotApi.publishOne(booked.host(), SlotApi.at(12, 0), SlotApi.at(12, 1));
        SlotApi.publish(booked.host(), SlotApi.window(SlotApi.at(12, 5), SlotApi.at(12, 6))).statusCode(409)
                .body("code", equalTo("calendar_conflict"));
    }
}

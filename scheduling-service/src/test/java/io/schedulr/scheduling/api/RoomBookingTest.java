package io.schedulr.scheduling.api;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class RoomBookingTest {

    @Test
    void bookingPublishesRoomBookedWithBothPeople() {
        TestUser host = Tokens.newUser("Hilde Host", "Europe/Berlin");
        TestUser guest = Tokens.newUser("Gus Guest", "America/New_York");
        String id = RoomApi.createRoom(host, 4);
        try (RoomEvents events = new RoomEvents()) {
            RoomApi.book(guest, id).statusCode(200)
                    .body("guestId", equalTo(guest.id()))
                    .body("booked", equalTo(true))
                    .body("roomUrl", notNullValue());

            CloudEvent<RoomEvent> booked = events.awaitOne(id, RoomEventType.ROOM_BOOKED);
            RoomEvent data = booked.data();
            assertThat(booked.specversion()).isEqualTo("1.0");
            assertThat(booked.subject()).isEqualTo(id);
            assertThat(data.icsUid()).isEqualTo(Db.text("SELECT ics_uid::text FROM practice_rooms WHERE id = ?::uuid", id));
            assertThat(data.host().email()).isEqualTo(host.email());
            assertThat(data.host().name()).isEqualTo("Hilde Host");
            assertThat(data.host().timeZone()).isEqualTo("Europe/Berlin");
            assertThat(data.guest().email()).isEqualTo(guest.email());
            assertThat(data.guest().timeZone()).isEqualTo("America/New_York");
            assertThat(Duration.between(data.startUtc(), data.endUtc())).isEqualTo(Duration.ofMinutes(60));
            assertThat(data.roomUrl()).startsWith("https://");
        }
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'room.booked' AND actor_id = ?", id, guest.id()))
                .isEqualTo(1);
    }

    @Test
    void nullGuestIdBooksForTheCaller() {
        TestUser host = Tokens.newUser("Host", "UTC");
        TestUser guest = Tokens.newUser("Guest", "UTC");
        String id = RoomApi.createRoom(host, 4);
        RoomApi.update(guest, "{\"roomId\":\"" + id + "\",\"guestId\":null}").statusCode(200).body("guestId", equalTo(guest.id()));
    }

    @Test
    void secondBookerGets409AndTheFirstGuestStays() {
        TestUser host = Tokens.newUser("Host", "UTC");
        TestUser first = Tokens.newUser("First", "UTC");
        TestUser second = Tokens.newUser("Second", "UTC");
        String id = RoomApi.createRoom(host, 4);
        RoomApi.book(first, id).statusCode(200);
        RoomApi.book(second, id).statusCode(409).body("code", equalTo("room_already_booked"));
        RoomApi.book(first, id).statusCode(409);
        assertThat(Db.text("SELECT guest_id FROM practice_rooms WHERE id = ?::uuid", id)).isEqualTo(first.id());
    }

    @Test
    void hostCannotBookOwnRoomNorBookForSomeoneElse() {
        TestUser host = Tokens.newUser("Host", "UTC");
        TestUser other = Tokens.newUser("Other", "UTC");
        String id = RoomApi.createRoom(host, 4);
        RoomApi.book(host, id).statusCode(422).body("code", equalTo("host_cannot_book_own_room"));
        RoomApi.update(other, "{\"roomId\":\"" + id + "\",\"guestId\":\"" + host.id() + "\"}")
                .statusCode(403).body("code", equalTo("cannot_book_for_someone_else"));
        assertThat(Db.text("SELECT guest_id FROM practice_rooms WHERE id = ?::uuid", id)).isNull();
    }

    @Test
    void fiftyConcurrentBookersGetExactlyOneSuccess() throws Exception {
        TestUser host = Tokens.newUser("Popular Host", "UTC");
        String id = RoomApi.createRoom(host, 6);
        List<TestUser> bookers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            bookers.add(Tokens.newUser("Booker " + i, "UTC"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        try (RoomEvents events = new RoomEvents()) {
            List<Future<Integer>> results = new ArrayList<>();
            for (TestUser booker : bookers) {
                Callable<Integer> call = () -> {
                    start.await();
                    return RoomApi.book(booker, id).extract().statusCode();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(49);

            String winner = Db.text("SELECT guest_id FROM practice_rooms WHERE id = ?::uuid", id);
            assertThat(bookers).extracting(TestUser::id).contains(winner);
            assertThat(events.await(RoomEvents.of(id, RoomEventType.ROOM_BOOKED), 1, Duration.ofSeconds(20))).hasSize(1);
            assertThat(events.collect(RoomEvents.of(id, RoomEventType.ROOM_BOOKED), Duration.ofSeconds(2))).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Db.count("SELECT count(*) FROM outbox WHERE message_key = ? AND event_type LIKE '%booked%'", id)).isEqualTo(1);
    }

    @Test
    void stageIsStoredExactlyAsSentByHostOrGuestOnly() {
        TestUser host = Tokens.newUser("Host", "UTC");
        TestUser guest = Tokens.newUser("Guest", "UTC");
        TestUser stranger = Tokens.newUser("Stranger", "UTC");
        String id = RoomApi.createRoom(host, 4);
        RoomApi.book(guest, id).statusCode(200);
        RoomApi.update(guest, "{\"roomId\":\"" + id + "\",\"stage\":\"Case — Round 2 ✓\"}").statusCode(200)
                .body("stage", equalTo("Case — Round 2 ✓"));
        RoomApi.update(stranger, "{\"roomId\":\"" + id + "\",\"stage\":\"hijack\"}").statusCode(403)
                .body("code", equalTo("not_room_participant"));
        RoomApi.get(host, "/api/practice-rooms/" + id).statusCode(200).body("stage", equalTo("Case — Round 2 ✓"));
    }
}

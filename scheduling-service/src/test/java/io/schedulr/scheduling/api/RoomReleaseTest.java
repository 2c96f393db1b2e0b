package io.schedulr.scheduling.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The guest leaves their booking over HTTP: the room is open again everywhere (API, lists, live stream) under a new
 * invitation UID, the booking as it ends is announced on the room events topic, and the next booking is a new meeting.
 */
@QuarkusTest
class RoomReleaseTest {
    @TestHTTPResource("/api/practice-rooms/stream")
    URI stream;

    @Test
    void theGuestLeavesTheRoomIsOpenAgainUnderANewInvitationAndTheNextBookingIsANewMeeting() {
        TestUser host = Tokens.newUser("Release Host", "Europe/Berlin");
        TestUser guest = Tokens.newUser("Release Guest", "UTC");
        TestUser next = Tokens.newUser("Release Next", "UTC");
        String room = RoomApi.createRoom(host, 12);
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> watching = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(stream).header("Authorization", host.bearer()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        watching.thenAccept(r -> r.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.contains("\"connected\"")));
        try (RoomEvents events = new RoomEvents()) {
            RoomApi.book(guest, room).statusCode(200);
            RoomApi.update(host, "{\"roomId\":\"" + room + "\",\"datetimeUtc\":\"" + RoomApi.inDays(13) + "\"}").statusCode(200);
            CloudEvent<RoomEvent> booked = events.awaitOne(room, RoomEventType.ROOM_BOOKED);
            int lastRequest = events.awaitOne(room, RoomEventType.ROOM_RESCHEDULED).data().sequence();
            String bookedUid = booked.data().icsUid();

            RoomApi.release(guest, room).statusCode(200)
                    .body("id", equalTo(room)).body("booked", equalTo(false)).body("guestId", nullValue()).body("guest", nullValue());

            RoomApi.get(host, "/api/practice-rooms/" + room).statusCode(200).body("booked", equalTo(false)).body("guestId", nullValue());
            String newUid = Db.text("SELECT ics_uid::text FROM practice_rooms WHERE id = ?::uuid", room);
            assertThat(newUid).isNotEqualTo(bookedUid);
            assertThat(Db.count("SELECT ics_sequence FROM practice_rooms WHERE id = ?::uuid", room)).isZero();
            List<String> open = RoomApi.get(next, "/api/practice-rooms?scope=open&limit=200").statusCode(200).extract().path("id");
            assertThat(open).contains(room);
            List<String> guestsOwn = RoomApi.get(guest, "/api/practice-rooms?scope=mine").statusCode(200).extract().path("id");
            assertThat(guestsOwn).doesNotContain(room);

            CloudEvent<RoomEvent> released = events.awaitOne(room, RoomEventType.ROOM_RELEASED);
            assertThat(released.type()).isEqualTo("io.schedulr.room.released.v1");
            assertThat(released.data().icsUid()).as("the booking as it ends").isEqualTo(bookedUid);
            assertThat(released.data().sequence()).as("a CANCEL outranks the last REQUEST").isGreaterThan(lastRequest);
            assertThat(released.data().guest().id()).isEqualTo(guest.id());
            assertThat(released.data().guest().email()).isEqualTo(guest.email());
            assertThat(released.data().host().id()).isEqualTo(host.id());
            assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'room.released' AND actor_id = ?", room,
                    guest.id())).isEqualTo(1);

            await().atMost(Duration.ofSeconds(20)).until(() -> lines.stream().anyMatch(l -> l.contains(room) && l.contains("room.released")));
            assertThat(lines.stream().filter(l -> l.contains(room) && l.contains("room.released")))
                    .as("the live stream shows the room open again").allMatch(l -> l.contains("\"booked\":false") && !l.contains(guest.id()));

            RoomApi.book(next, room).statusCode(200).body("guestId", equalTo(next.id()));
            List<CloudEvent<RoomEvent>> bookings = events.await(RoomEvents.of(room, RoomEventType.ROOM_BOOKED), 2, Duration.ofSeconds(20));
            assertThat(bookings).hasSize(2);
            RoomEvent rebooked = bookings.get(1).data();
            assertThat(rebooked.icsUid()).as("a new meeting").isEqualTo(newUid).isNotEqualTo(bookedUid);
            assertThat(rebooked.sequence()).isZero();
            assertThat(rebooked.guest().id()).isEqualTo(next.id());

            RoomApi.release(guest, room).statusCode(403).body("code", equalTo("not_room_guest"));
            RoomApi.release(host, room).statusCode(403).body("code", equalTo("not_room_guest"));
        } finally {
            watching.cancel(true);
        }
    }
}

package io.schedulr.scheduling.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import io.schedulr.testsupport.infra.InfraEndpoints;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A booking reads the room, then writes it. When another transaction changes the room in between (here held open on
 * purpose until the booking waits for its row lock), the booking must see that change: a reschedule that commits
 * first is kept and the room still booked; another guest that commits first wins and this booking gets 409.
 */
@QuarkusTest
class BookingRacingAnotherChangeTest {

    @Test
    void aRescheduleCommittedWhileTheBookingWaitsIsKeptAndTheRoomBooked() throws Exception {
        TestUser host = Tokens.newUser("Racing Host", "UTC");
        TestUser guest = Tokens.newUser("Racing Guest", "UTC");
        String room = RoomApi.createRoom(host, 9);
        Instant moved = RoomApi.inDays(11);

        ExtractableResponse<Response> answer = bookWhileHeld(guest, room,
                "UPDATE practice_rooms p SET datetime_utc = v.t, ends_at = v.t + (p.ends_at - p.datetime_utc), "
                        + "ics_sequence = ics_sequence + 1, version = version + 1 FROM (SELECT CAST(? AS timestamptz) AS t) v WHERE p.id = ?",
                OffsetDateTime.ofInstant(moved, ZoneOffset.UTC));

        assertThat(answer.statusCode()).as(answer.body().asString()).isEqualTo(200);
        assertThat(Instant.parse(answer.path("datetimeUtc"))).isEqualTo(moved);
        assertThat((String) answer.path("guestId")).isEqualTo(guest.id());
        assertThat(Db.text("SELECT guest_id FROM practice_rooms WHERE id = ?", UUID.fromString(room))).isEqualTo(guest.id());
        assertThat(Db.count("SELECT version FROM practice_rooms WHERE id = ?", UUID.fromString(room))).isEqualTo(2);
    }

    @Test
    void anotherGuestCommittedWhileTheBookingWaitsWinsAndTheBookingGets409() throws Exception {
        TestUser host = Tokens.newUser("Racing Host 2", "UTC");
        TestUser first = Tokens.newUser("First Guest", "UTC");
        TestUser late = Tokens.newUser("Late Guest", "UTC");
        String room = RoomApi.createRoom(host, 9);
        RoomApi.get(first, "/api/practice-rooms?scope=mine").statusCode(200); // creates the first guest's users row

        ExtractableResponse<Response> answer = bookWhileHeld(late, room,
                "UPDATE practice_rooms SET guest_id = ?, version = version + 1 WHERE id = ?", first.id());

        assertThat(answer.statusCode()).as(answer.body().asString()).isEqualTo(409);
        assertThat(Db.text("SELECT guest_id FROM practice_rooms WHERE id = ?", UUID.fromString(room))).isEqualTo(first.id());
    }

    /** Runs {@code change} in an open transaction, books while it holds the row, commits once the booking waits. */
    private static ExtractableResponse<Response> bookWhileHeld(TestUser guest, String room, String change, Object value)
            throws Exception {
        InfraEndpoints e = TestInfra.get();
        try (Connection held = DriverManager.getConnection(e.jdbcUrl("scheduling"), e.postgresUser(), e.postgresPassword())) {
            held.setAutoCommit(false);
            try (PreparedStatement s = held.prepareStatement(change)) {
                s.setObject(1, value);
                s.setObject(2, UUID.fromString(room));
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<ExtractableResponse<Response>> booking =
                    CompletableFuture.supplyAsync(() -> RoomApi.book(guest, room).extract());
            Db.awaitWaitingOnLock("update practice_rooms%set%guest_id%");
            held.commit();
            return booking.get(20, TimeUnit.SECONDS);
        }
    }
}

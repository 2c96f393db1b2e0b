package io.schedulr.scheduling.slots;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.schedulr.scheduling.api.Db;
import io.schedulr.scheduling.api.RoomApi;
import io.schedulr.testsupport.TestInfra;
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
 * A guest leaves a session booked from a slot while the host publishes another open slot over the same time. The leave
 * checks for such a slot, finds none yet, and reopens its own; the publish commits first (here held open on purpose
 * until the leave waits on it). The leave must still succeed — the host's new slot is offered, the old one not again —
 * instead of failing the guest with a 409 for a change they could not have seen.
 */
@QuarkusTest
class LeavingWhileTheHostPublishesTest {

    @Test
    void aSlotPublishedOverTheTimeWhileTheGuestLeavesIsKeptAndTheLeaveSucceeds() throws Exception {
        SlotApi.BookedSlot booked = SlotApi.booked("Publishing Host", 13);
        UUID published = UUID.randomUUID();
        ExtractableResponse<Response> answer;
        InfraEndpoints e = TestInfra.get();
        try (Connection held = DriverManager.getConnection(e.jdbcUrl("scheduling"), e.postgresUser(), e.postgresPassword())) {
            held.setAutoCommit(false);
            try (PreparedStatement s = held.prepareStatement(
                    "INSERT INTO slots (id, host_id, start_ts, end_ts, status) VALUES (?, ?, ?, ?, 'open')")) {
                s.setObject(1, published);
                s.setString(2, booked.host().id());
                s.setObject(3, utc(SlotApi.at(13, 0)));
                s.setObject(4, utc(SlotApi.at(13, 1)));
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<ExtractableResponse<Response>> leave =
                    CompletableFuture.supplyAsync(() -> RoomApi.release(booked.guest(), booked.roomId()).extract());
            Db.awaitWaitingOnLock("update slots%");
            held.commit();
            answer = leave.get(20, TimeUnit.SECONDS);
        }

        assertThat(answer.statusCode()).as(answer.body().asString()).isEqualTo(200);
        assertThat(Db.text("SELECT status::text FROM slots WHERE id = ?::uuid", booked.slotId())).isEqualTo("cancelled");
        assertThat(Db.text("SELECT status::text FROM slots WHERE id = ?", published)).isEqualTo("open");
        RoomApi.get(booked.host(), "/api/practice-rooms/" + booked.roomId()).statusCode(404);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

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
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guest leaves a session booked from a slot (their transaction writes the room, then the slot) while the host cancels
 * the slot (writes the slot, then deletes the room): each waits for the other, and PostgreSQL breaks the circle by
 * failing one of them with a deadlock. The guest's side is failed here — the host's transaction, held open on purpose,
 * is given the longer deadlock timeout. A deadlock is a lost race like a version check's: the leave runs again, on the
 * session as the host left it, and answers what is true then (the session no longer exists), never a 500.
 */
@QuarkusTest
class LeavingWhileTheHostCancelsTest {

    @Test
    void aLeaveCaughtInADeadlockWithTheHostsCancellationRunsAgainAndAnswers404() throws Exception {
        SlotApi.BookedSlot booked = SlotApi.booked("Cancelling Host", 14);
        UUID room = UUID.fromString(booked.roomId());
        ExtractableResponse<Response> answer;
        InfraEndpoints e = TestInfra.get();
        try (Connection host = DriverManager.getConnection(e.jdbcUrl("scheduling"), e.postgresUser(), e.postgresPassword())) {
            host.setAutoCommit(false);
            try (Statement s = host.createStatement()) {
                s.execute("SET deadlock_timeout = '20s'");
            }
            try (PreparedStatement s = host.prepareStatement(
                    "UPDATE slots SET status = 'cancelled', room_id = NULL, version = version + 1 WHERE id = ?")) {
                s.setObject(1, UUID.fromString(booked.slotId()));
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<ExtractableResponse<Response>> leave =
                    CompletableFuture.supplyAsync(() -> RoomApi.release(booked.guest(), booked.roomId()).extract());
            Db.awaitWaitingOnLock("update slots%");
            try (PreparedStatement rounds = host.prepareStatement("DELETE FROM practice_rounds WHERE room_id = ?");
                 PreparedStatement rooms = host.prepareStatement("DELETE FROM practice_rooms WHERE id = ?")) {
                rounds.setObject(1, room);
                rounds.executeUpdate();
                rooms.setObject(1, room);
                assertThat(rooms.executeUpdate()).as("the host's deletion goes through once the leave gave way").isEqualTo(1);
            }
            host.commit();
            answer = leave.get(30, TimeUnit.SECONDS);
        }

        assertThat(answer.statusCode()).as(answer.body().asString()).isEqualTo(404);
        assertThat((String) answer.path("code")).isEqualTo("room_not_found");
        assertThat(Db.text("SELECT status::text FROM slots WHERE id = ?::uuid", booked.slotId())).isEqualTo("cancelled");
        assertThat(Db.count("SELECT count(*) FROM practice_rooms WHERE id = ?", room)).isZero();
    }
}

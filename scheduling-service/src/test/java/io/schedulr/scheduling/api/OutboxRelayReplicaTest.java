package io.schedulr.scheduling.api;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.events.RoomEventType;
import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import io.schedulr.testsupport.infra.InfraEndpoints;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another replica draining the outbox holds the relay's advisory lock; while it does, this replica publishes nothing,
 * and afterwards every event goes out exactly once.
 */
@QuarkusTest
class OutboxRelayReplicaTest {
    /** The lock id the relay takes (KafkaOutboxRelay.RELAY_LOCK). */
    private static final long RELAY_LOCK = 7_262_001L;

    @Test
    void aSecondReplicaDrainingBlocksThisOneWithoutDoubleSending() throws Exception {
        TestUser host = Tokens.newUser("Host", "UTC");
        TestUser guest = Tokens.newUser("Guest", "UTC");
        InfraEndpoints e = TestInfra.get();
        try (RoomEvents events = new RoomEvents();
             Connection otherReplica = DriverManager.getConnection(e.jdbcUrl("scheduling"), e.postgresUser(), e.postgresPassword())) {
            otherReplica.setAutoCommit(false);
            otherReplica.createStatement().execute("SELECT pg_advisory_xact_lock(" + RELAY_LOCK + ")");

            String id = RoomApi.createRoom(host, 4);
            RoomApi.book(guest, id).statusCode(200);
            assertThat(events.collect(RoomEvents.of(id), Duration.ofSeconds(3))).as("nothing while the other replica drains").isEmpty();
            assertThat(Db.count("SELECT count(*) FROM outbox WHERE message_key = ? AND published_at IS NULL", id)).isEqualTo(2);

            otherReplica.commit();

            assertThat(events.await(RoomEvents.of(id, RoomEventType.ROOM_BOOKED), 1, Duration.ofSeconds(20))).hasSize(1);
            assertThat(events.collect(RoomEvents.of(id), Duration.ofSeconds(2)))
                    .extracting(ev -> ev.type()).containsExactly(RoomEventType.ROOM_CREATED.cloudEventType(),
                            RoomEventType.ROOM_BOOKED.cloudEventType());
        }
    }
}

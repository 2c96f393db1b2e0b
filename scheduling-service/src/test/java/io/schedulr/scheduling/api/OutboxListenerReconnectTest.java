package io.schedulr.scheduling.api;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.events.RoomEventType;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The relay's LISTEN connection, ended by the server (as on a failover or an idle cut), is opened again by itself. */
@QuarkusTest
class OutboxListenerReconnectTest {
    private static final String LISTENER = "FROM pg_stat_activity WHERE datname = 'scheduling' AND query = 'LISTEN outbox'";

    @Test
    void aTerminatedListenConnectionIsReplacedAndEventsStillFlow() {
        await().atMost(Duration.ofSeconds(20)).until(() -> Db.count("SELECT count(*) " + LISTENER) == 1);
        String before = Db.text("SELECT pid::text " + LISTENER);

        assertThat(Db.count("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) " + LISTENER + ") t")).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            String now = Db.text("SELECT pid::text " + LISTENER);
            return now != null && !now.equals(before);
        });
        TestUser host = Tokens.newUser("Host", "UTC");
        try (RoomEvents events = new RoomEvents()) {
            String id = RoomApi.createRoom(host, 4);
            assertThat(events.await(RoomEvents.of(id, RoomEventType.ROOM_CREATED), 1, Duration.ofSeconds(10))).hasSize(1);
        }
    }
}

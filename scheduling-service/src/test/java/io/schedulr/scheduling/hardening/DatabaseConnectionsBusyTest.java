package io.schedulr.scheduling.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.scheduling.api.Db;
import io.schedulr.scheduling.api.RoomApi;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * A request that cannot have a database connection in time (every one held: a database that stopped answering, or a
 * burst) is answered 503 with Retry-After after the pool's acquisition timeout — not a 500 after the client's 30 s
 * default — and the next request, once connections are free again, is served.
 */
@QuarkusTest
class DatabaseConnectionsBusyTest {
    private static final String LISTENER = "FROM pg_stat_activity WHERE datname = 'scheduling' AND query = 'LISTEN outbox'";

    @Inject
    Pool pool;
    @ConfigProperty(name = "quarkus.datasource.reactive.max-size")
    int poolSize;
    @ConfigProperty(name = "schedulr.datasource.reactive.acquisition-timeout")
    Duration acquisitionTimeout;

    @Test
    void aRequestThatCannotHaveAConnectionInTimeIsAnswered503AndTheNextOneIsServed() {
        TestUser host = Tokens.newUser("Host", "UTC");
        String room = RoomApi.createRoom(host, 3);
        await().atMost(Duration.ofSeconds(20)).until(() -> Db.count("SELECT count(*) " + LISTENER) == 1);

        List<SqlConnection> held = new ArrayList<>();
        try {
            for (int i = 1; i < poolSize; i++) {
                held.add(pool.getConnection().await().atMost(Duration.ofSeconds(15)));
            }
            long started = System.nanoTime();
            RoomApi.get(host, "/api/practice-rooms/" + room).statusCode(503)
                    .header("Retry-After", "5")
                    .body("code", is("temporarily_unavailable"));
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            assertThat(waited).isBetween(acquisitionTimeout.minusSeconds(1), acquisitionTimeout.plusSeconds(5));
        } finally {
            held.forEach(SqlConnection::closeAndAwait);
        }

        RoomApi.get(host, "/api/practice-rooms/" + room).statusCode(200).body("id", is(room));
    }
}

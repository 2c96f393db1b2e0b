package io.schedulr.kit.persistence;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.schedulr.kit.config.SharedSettings;
import io.schedulr.kit.persistence.StalledDatabase.Stalls;
import io.schedulr.kit.rest.ErrorMappers;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive pool's bounds: a request that cannot have a connection in time — every one held by statements a
 * stalled database does not answer, or the log-in not answered — gives up after the acquisition timeout and is
 * answered 503, instead of waiting for the client's 30 s default and getting a 500.
 */
class BoundedReactivePoolTest {
    private static final String SHARED = "schedulr.datasource.reactive.";

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRequestWaitingForAConnectionHeldByAStalledStatementGivesUpAfterTheAcquisitionTimeoutAndIsA503() throws Exception {
        try (StalledDatabase database = new StalledDatabase(Stalls.AFTER_LOG_IN)) {
            Pool pool = pool(database, new BoundedReactivePool(Duration.ofSeconds(5), Duration.ofSeconds(1)), 1);
            SqlConnection held = firstConnection(pool);
            held.query("SELECT 1").execute();

            Outcome outcome = Outcome.of(pool.query("SELECT 1").execute().toCompletionStage().toCompletableFuture(), 15);

            assertThat(outcome.failure).as("no connection to be had").isNotNull();
            assertThat(outcome.waited).isBetween(Duration.ofMillis(900), Duration.ofSeconds(4));
            assertThat(answer(outcome.failure).getStatus()).isEqualTo(503);
        }
    }

    /**
     * The pool's one connection. The pool waits 1 s for it, and the first connection of a fresh Vert.x (its classes
     * loading, on a machine busy building other modules) once took longer; a late log-in still lands in the pool, so
     * asking again gets it.
     */
    private static SqlConnection firstConnection(Pool pool) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return pool.getConnection().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    @Test
    void aRequestWaitingForALogInTheDatabaseNeverAnswersGivesUpAfterTheAcquisitionTimeoutAndIsA503() throws Exception {
        try (StalledDatabase database = new StalledDatabase(Stalls.AT_LOG_IN)) {
            Pool pool = pool(database, new BoundedReactivePool(Duration.ofSeconds(5), Duration.ofSeconds(1)), 4);

            Outcome outcome = Outcome.of(pool.query("SELECT 1").execute().toCompletionStage().toCompletableFuture(), 15);

            assertThat(database.connectionsTaken()).as("the database took the connection").isEqualTo(1);
            assertThat(outcome.failure).isNotNull();
            assertThat(outcome.waited).isBetween(Duration.ofMillis(900), Duration.ofSeconds(4));
            assertThat(answer(outcome.failure).getStatus()).isEqualTo(503);
        }
    }

    @Test
    void theBoundsAreAddedToWhatQuarkusConfigured() {
        BoundedReactivePool bounds = new BoundedReactivePool(Duration.ofSeconds(5), Duration.ofSeconds(10));

        PoolOptions pool = bounds.bounded(new PoolOptions().setMaxSize(20).setIdleTimeout(3));
        PgConnectOptions connection = bounds.bounded(PgConnectOptions.fromUri("postgresql://db.example:5432/scheduling?user=app"));

        assertThat(pool.getConnectionTimeoutUnit().toMillis(pool.getConnectionTimeout())).isEqualTo(10_000);
        assertThat(pool.getMaxSize()).isEqualTo(20);
        assertThat(pool.getIdleTimeout()).isEqualTo(3);
        assertThat(connection.getConnectTimeout()).isEqualTo(5_000);
        assertThat(connection.getHost()).isEqualTo("db.example");
        assertThat(connection.getDatabase()).isEqualTo("scheduling");
        assertThat(connection.getUser()).isEqualTo("app");
    }

    @Test
    void theSharedSettingsLetARequestWaitSecondsNotMinutes() throws IOException {
        SmallRyeConfig shared = SharedSettings.prod();
        Duration connect = shared.getValue(SHARED + "connect-timeout", Duration.class);
        Duration acquisition = shared.getValue(SHARED + "acquisition-timeout", Duration.class);

        assertThat(connect).as("a connection attempt ends before the request gives up").isLessThan(acquisition);
        assertThat(acquisition).isLessThanOrEqualTo(Duration.ofSeconds(15));
    }

    private Pool pool(StalledDatabase database, PgPoolCreator creator, int size) {
        PgConnectOptions options = new PgConnectOptions().setHost("localhost").setPort(database.port())
                .setDatabase("anything").setUser("postgres").setPassword("postgres");
        return creator.create(new PgPoolCreator.Input() {
            @Override
            public Vertx vertx() {
                return vertx;
            }

            @Override
            public PoolOptions poolOptions() {
                return new PoolOptions().setMaxSize(size);
            }

            @Override
            public List<PgConnectOptions> pgConnectOptionsList() {
                return List.of(options);
            }
        });
    }

    private static Response answer(Throwable failure) {
        return new ErrorMappers().unexpected(new IllegalStateException("could not read", failure));
    }

    private record Outcome(Throwable failure, Duration waited) {
        static Outcome of(CompletableFuture<?> result, int atMostSeconds) throws Exception {
            long started = System.nanoTime();
            Throwable failure = null;
            try {
                result.get(atMostSeconds, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                failure = e.getCause();
            }
            return new Outcome(failure, Duration.ofNanos(System.nanoTime() - started));
        }
    }
}

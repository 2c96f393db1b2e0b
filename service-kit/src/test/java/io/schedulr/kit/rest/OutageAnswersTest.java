package io.schedulr.kit.rest;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure that only says something the service needs cannot be reached (the database down, restarting or failing
 * over) is answered 503 with Retry-After, so clients try again; anything else stays a 500.
 */
class OutageAnswersTest {
    private final ErrorMappers mappers = new ErrorMappers();

    @Test
    void theDatabaseRefusingConnectionsIsA503WithRetryAfter() {
        // What the reactive pool fails with when PostgreSQL is down, wrapped as Hibernate Reactive and Mutiny hand it on.
        Response answer = mappers.unexpected(new CompletionException(new IllegalStateException("session failed",
                new ConnectException("Connection refused: localhost/127.0.0.1:15432"))));

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(((ApiError) answer.getEntity()).code()).isEqualTo("temporarily_unavailable");
    }

    @Test
    void jdbcConnectionFailuresAndAServerShuttingDownAreOutages() {
        for (String state : new String[]{"08001", "08006", "08003", "57P01", "57P02", "57P03"}) {
            Exception failure = new IllegalStateException("could not read calendar connections", new SQLException("refused", state));
            assertThat(mappers.unexpected(failure).getStatus()).as(state).isEqualTo(503);
        }
        assertThat(mappers.unexpected(new RuntimeException(new DatabaseException("the database system is starting up", 0, "57P03") {
        })).getStatus()).isEqualTo(503);
        assertThat(mappers.unexpected(new RuntimeException(ClosedConnectionException.INSTANCE)).getStatus()).isEqualTo(503);
        assertThat(mappers.unexpected(new RuntimeException(new UnknownHostException("db.internal"))).getStatus()).isEqualTo(503);
        // pgjdbc when the pool gives up on a connection attempt to a database that does not answer.
        assertThat(mappers.unexpected(new IllegalStateException("could not read calendar connections", new SQLException(
                "Something unusual has occurred to cause the driver to fail. Please report this exception.", "99999",
                new RuntimeException("Interrupted while attempting to connect.")))).getStatus()).isEqualTo(503);
        // Agroal's acquisition timeout: no connection could be had in time.
        assertThat(mappers.unexpected(new IllegalStateException("webhook store failed", new SQLException(
                "Acquisition timeout while waiting for new connection", new TimeoutException()))).getStatus()).isEqualTo(503);
    }

    @Test
    void theReactivePoolGivingUpOnAConnectionIsAnOutage() {
        // A statement sent through the pool, and a connection asked for (Hibernate Reactive): Vert.x's two failures.
        assertThat(mappers.unexpected(new VertxException("Timeout waiting for connection", true)).getStatus()).isEqualTo(503);
        assertThat(mappers.unexpected(new CompletionException(new NoStackTraceThrowable("Timeout"))).getStatus()).isEqualTo(503);
        assertThat(mappers.unexpected(new NoStackTraceThrowable("Timeout")).getStatus()).isEqualTo(503);
        assertThat(mappers.unexpected(new VertxException("Timeout", true)).getStatus()).as("another Vert.x failure").isEqualTo(500);
        assertThat(mappers.unexpected(new NoStackTraceThrowable("Invalid state")).getStatus()).isEqualTo(500);
    }

    @Test
    void otherDatabaseRefusalsAndOurOwnFaultsStay500() {
        for (Exception failure : new Exception[]{
                new IllegalStateException("could not save", new SQLException("duplicate key", "23505")),
                new RuntimeException(new DatabaseException("syntax error", 0, "42601") {
                }),
                new IllegalStateException(new SQLException("Sorry, something else")),
                new IllegalStateException(new SQLException("Something unusual has occurred", "99999", new IllegalArgumentException("x"))),
                new NullPointerException()}) {
            Response answer = mappers.unexpected(failure);
            assertThat(answer.getStatus()).as(failure.toString()).isEqualTo(500);
            assertThat(((ApiError) answer.getEntity()).code()).isEqualTo("internal_error");
        }
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertThat(mappers.unexpected(a).getStatus()).isEqualTo(500);
    }
}

package io.schedulr.kit.rest;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Whether a failure means the service cannot reach something it needs right now rather than a fault in our code: the
 * database refusing or ending connections (down, restarting, failing over, still recovering), a connection refused, a
 * host name that does not resolve, no connection to be had in time (a pool's acquisition timeout: the database not
 * answering, or every connection busy). Such a request is answered 503 ("try again"), which clients and proxies retry; a 500
 * says our code is wrong.
 */
final class Outages {
    private static final int MAX_CAUSES = 32;

    private Outages() {
    }

    /** The failure in the chain that shows the outage, for the log line; empty when it is not one. */
    static Optional<Throwable> outageIn(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.size() < MAX_CAUSES && seen.add(t); t = t.getCause()) {
            if (isOutage(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static boolean isOutage(Throwable t) {
        return t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                || t instanceof ClosedConnectionException || t instanceof TimeoutException || isReactivePoolTimeout(t)
                || t instanceof SQLException sql && (isOutageState(sql.getSQLState()) || isInterruptedConnect(sql))
                || t instanceof DatabaseException database && isOutageState(database.getSqlState());
    }

    /**
     * The reactive pool's acquisition timeout, which is not a {@link TimeoutException}: a statement sent through the pool
     * fails with one shared exception, and a connection asked for (as Hibernate Reactive does) with a bare throwable;
     * only their messages tell them apart.
     */
    private static boolean isReactivePoolTimeout(Throwable t) {
        return t instanceof VertxException && "Timeout waiting for connection".equals(t.getMessage())
                || t instanceof NoStackTraceThrowable && "Timeout".equals(t.getMessage());
    }

    /**
     * pgjdbc's report of a connection attempt the pool gave up on (its acquisition timeout interrupts the attempt, and the
     * driver then says only "something unusual", SQLSTATE 99999, with this cause) — a database that does not answer.
     */
    private static boolean isInterruptedConnect(SQLException sql) {
        return "99999".equals(sql.getSQLState()) && sql.getCause() != null && sql.getCause().getMessage() != null
                && sql.getCause().getMessage().startsWith("Interrupted while attempting to connect");
    }

    /**
     * PostgreSQL's connection exceptions (class 08) and the server shutting down or not yet taking connections (57P01
     * admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now).
     */
    private static boolean isOutageState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }
}

package io.schedulr.scheduling.api;

import io.schedulr.testsupport.TestConnections;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Looks at scheduling-service's own tables, as an operator with psql would (on this thread's open connection). */
public final class Db {
    private static final String DATABASE = "scheduling";

    private Db() {
    }

    public static long count(String sql, Object... params) {
        try (PreparedStatement s = prepare(sql, params); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static int execute(String sql, Object... params) {
        try (PreparedStatement s = prepare(sql, params)) {
            return s.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static String text(String sql, Object... params) {
        try (PreparedStatement s = prepare(sql, params); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Waits (10 s at most) until a statement of the service that starts with {@code statementPattern} (lower case, SQL
     * LIKE) waits for a lock: the moment a test holding that lock in its own transaction lets go.
     */
    public static void awaitWaitingOnLock(String statementPattern) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND lower(query) LIKE ?", statementPattern) == 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no statement like '" + statementPattern + "' waited for a lock within 10 s");
            }
            Thread.sleep(20);
        }
    }

    private static PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement s = TestConnections.to(DATABASE).prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }
}

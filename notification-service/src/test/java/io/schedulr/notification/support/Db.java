package io.schedulr.notification.support;

import io.schedulr.testsupport.TestConnections;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The service's own database, read and prepared by tests over JDBC. */
public final class Db {
    private Db() {
    }

    public static long count(String sql) {
        try (Statement s = connect().createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static void execute(String sql) {
        try (Statement s = connect().createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Rows of the tables a request could write to: deliveries, their audit, provider notices, consumed events. */
    public static long[] rowCounts() {
        return new long[]{count("SELECT count(*) FROM delivery"), count("SELECT count(*) FROM delivery_attempt"),
                count("SELECT count(*) FROM email_status_notice"), count("SELECT count(*) FROM consumed_event")};
    }

    /** This thread's open connection: never closed here. */
    private static Connection connect() throws SQLException {
        return TestConnections.to("notification");
    }
}

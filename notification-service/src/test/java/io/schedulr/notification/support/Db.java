package io.schedulr.notification.support;

import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.infra.InfraEndpoints;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The service's own database, read and prepared by tests over JDBC. */
public final class Db {
    private Db() {
    }

    public static long count(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
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

    private static Connection connect() throws SQLException {
        InfraEndpoints e = TestInfra.get();
        return DriverManager.getConnection(e.jdbcUrl("notification"), e.postgresUser(), e.postgresPassword());
    }
}

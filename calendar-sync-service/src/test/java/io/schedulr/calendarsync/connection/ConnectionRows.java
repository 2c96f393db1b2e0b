package io.schedulr.calendarsync.connection;

import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.infra.InfraEndpoints;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The service's database as an operator would read it (also used by the hardening tables). */
public final class ConnectionRows {
    private ConnectionRows() {
    }

    public static Map<String, String> connection(String googleAccountId) {
        try (Connection c = open(); PreparedStatement select = c.prepareStatement(
                "SELECT status, reason, google_refresh_token, calendar_id FROM calendar_connection WHERE google_account_id = ?")) {
            select.setString(1, googleAccountId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Map.of();
                }
                Map<String, String> row = new LinkedHashMap<>();
                row.put("status", rs.getString(1));
                row.put("reason", rs.getString(2));
                row.put("google_refresh_token", rs.getString(3));
                row.put("calendar_id", rs.getString(4));
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql, String parameter) {
        try (Connection c = open(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number a {@code SELECT count(*) … WHERE … = ?} answers. */
    public static long count(String sql, String parameter) {
        try (Connection c = open(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection open() throws SQLException {
        InfraEndpoints e = TestInfra.get();
        return DriverManager.getConnection(e.jdbcUrl("calendar_sync"), e.postgresUser(), e.postgresPassword());
    }
}

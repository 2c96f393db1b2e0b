package io.schedulr.calendarsync.connection;

import io.schedulr.testsupport.TestConnections;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The service's database as an operator would read it (also used by the hardening tables), on this thread's open connection. */
public final class ConnectionRows {
    private ConnectionRows() {
    }

    public static Map<String, String> connection(String googleAccountId) {
        try (PreparedStatement select = open().prepareStatement(
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

    public static void execute(String sql, String... parameters) {
        try (PreparedStatement statement = open().prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number a {@code SELECT count(*) … WHERE … = ?} answers (0 when there is no row). */
    public static long count(String sql, String... parameters) {
        try (PreparedStatement statement = open().prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first row a query answers, column name → text; empty when there is none. */
    public static Map<String, String> row(String sql, String... parameters) {
        try (PreparedStatement statement = open().prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                Map<String, String> row = new LinkedHashMap<>();
                if (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                    }
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This thread's open connection: never closed here. */
    private static Connection open() throws SQLException {
        return TestConnections.to("calendar_sync");
    }
}

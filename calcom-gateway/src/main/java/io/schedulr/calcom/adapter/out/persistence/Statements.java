package io.schedulr.calcom.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The JDBC steps this service's stores share: one statement with its values, a nullable time read back. */
final class Statements {
    private Statements() {
    }

    /** Runs {@code sql} with {@code values} on a connection of the caller's transaction; answers the rows it changed. */
    static int update(AgroalDataSource dataSource, String failure, String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(failure + ": " + e.getMessage(), e);
        }
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}

package io.schedulr.calcom.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The JDBC steps this service's stores share: one statement with its values, the rows it answers, a nullable time read back. */
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

    /** Runs {@code sql} with {@code values} on a connection of the caller's transaction; answers its rows, each read by {@code row}. */
    static <T> List<T> rows(AgroalDataSource dataSource, String failure, String sql, Row<T> row, Object... values) {
        List<T> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(failure + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** Reads one row. */
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}

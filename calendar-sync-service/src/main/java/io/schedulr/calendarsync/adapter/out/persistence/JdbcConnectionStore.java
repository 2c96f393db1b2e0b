package io.schedulr.calendarsync.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.schedulr.calendarsync.application.port.out.ConnectionStore;
import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.ConnectionStatus;
import io.schedulr.calendarsync.domain.DisconnectReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code calendar_connection} over JDBC; the service's blocking work (Google's clients) runs on worker threads anyway. */
@ApplicationScoped
public class JdbcConnectionStore implements ConnectionStore {
    private static final String COLUMNS = "google_account_id, email, status, reason, google_refresh_token, calendar_id, connected_at, checked_at";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Optional<CalendarConnection> find(String googleAccountId) {
        return query("SELECT " + COLUMNS + " FROM calendar_connection WHERE google_account_id = ?", googleAccountId).stream().findFirst();
    }

    @Override
    public Optional<CalendarConnection> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return query("SELECT " + COLUMNS + " FROM calendar_connection WHERE lower(email) = lower(?) "
                + "ORDER BY status = 'connected' DESC, connected_at DESC NULLS LAST LIMIT 1", email).stream().findFirst();
    }

    @Override
    public CalendarConnection lock(String googleAccountId, String email) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO calendar_connection (google_account_id, email, status) "
                     + "VALUES (?, ?, 'not_connected') ON CONFLICT (google_account_id) DO NOTHING")) {
            insert.setString(1, googleAccountId);
            insert.setString(2, email);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the connection of " + googleAccountId, e);
        }
        return query("SELECT " + COLUMNS + " FROM calendar_connection WHERE google_account_id = ? FOR UPDATE", googleAccountId).get(0);
    }

    @Override
    public void save(CalendarConnection connection) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE calendar_connection SET email = ?, status = ?, reason = ?, "
                     + "google_refresh_token = ?, calendar_id = ?, connected_at = ?, checked_at = ?, updated_at = now() WHERE google_account_id = ?")) {
            update.setString(1, connection.email());
            update.setString(2, connection.status().name().toLowerCase(Locale.ROOT));
            update.setString(3, connection.reason() == null ? null : connection.reason().name().toLowerCase(Locale.ROOT));
            update.setString(4, connection.sealedRefreshToken());
            update.setString(5, connection.calendarId());
            update.setTimestamp(6, timestamp(connection.connectedAt()));
            update.setTimestamp(7, timestamp(connection.checkedAt()));
            update.setString(8, connection.googleAccountId());
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no connection row for " + connection.googleAccountId() + "; lock it first");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not save the connection of " + connection.googleAccountId(), e);
        }
    }

    @Override
    public List<CalendarConnection> lockDueForCheck(Instant checkedBefore, int limit) {
        return query("SELECT " + COLUMNS + " FROM calendar_connection WHERE status = 'connected' AND checked_at < ? "
                + "ORDER BY checked_at LIMIT " + limit + " FOR UPDATE SKIP LOCKED", Timestamp.from(checkedBefore));
    }

    private List<CalendarConnection> query(String sql, Object parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setObject(1, parameter);
            List<CalendarConnection> found = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(new CalendarConnection(rs.getString(1), rs.getString(2), status(rs.getString(3)), reason(rs.getString(4)),
                            rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8))));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read calendar connections", e);
        }
    }

    private static ConnectionStatus status(String column) {
        return ConnectionStatus.valueOf(column.toUpperCase(Locale.ROOT));
    }

    private static DisconnectReason reason(String column) {
        return column == null ? null : DisconnectReason.valueOf(column.toUpperCase(Locale.ROOT));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

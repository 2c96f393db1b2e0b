package io.schedulr.calendarsync.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.schedulr.calendarsync.application.port.out.SyncStates;
import io.schedulr.calendarsync.domain.SyncState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** {@code calendar_sync}: each dedicated calendar's sync token and whether a sync is wanted. */
@ApplicationScoped
public class JdbcSyncStates implements SyncStates {
    @Inject
    AgroalDataSource dataSource;

    @Override
    public void request(String userId, String calendarId, Instant at) {
        // A new calendar (reconnected to another one) starts with a full sync. After a failed sync (attempts > 0) the
        // retry's backed-off time stands: while Google throttles, a push must not make every sync try again at once.
        update("INSERT INTO calendar_sync (user_id, calendar_id, requested_at, request_count) VALUES (?, ?, ?, 1) "
                        + "ON CONFLICT (user_id) DO UPDATE SET "
                        + "sync_token = CASE WHEN calendar_sync.calendar_id = EXCLUDED.calendar_id THEN calendar_sync.sync_token END, "
                        + "calendar_id = EXCLUDED.calendar_id, request_count = calendar_sync.request_count + 1, "
                        + "requested_at = CASE WHEN calendar_sync.attempts > 0 AND calendar_sync.requested_at IS NOT NULL "
                        + "THEN calendar_sync.requested_at "
                        + "ELSE LEAST(COALESCE(calendar_sync.requested_at, EXCLUDED.requested_at), EXCLUDED.requested_at) END",
                userId, calendarId, Timestamp.from(at));
    }

    @Override
    public Optional<SyncState> claimNext(Instant now, Instant leaseUntil) {
        String sql = "UPDATE calendar_sync SET leased_until = ?, claimed_count = request_count WHERE user_id = ("
                + "SELECT user_id FROM calendar_sync WHERE requested_at <= ? AND (leased_until IS NULL OR leased_until < ?) "
                + "ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED) "
                + "RETURNING user_id, calendar_id, sync_token, attempts, claimed_count";
        try (Connection c = dataSource.getConnection(); PreparedStatement claim = c.prepareStatement(sql)) {
            claim.setTimestamp(1, Timestamp.from(leaseUntil));
            claim.setTimestamp(2, Timestamp.from(now));
            claim.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = claim.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SyncState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim a calendar to sync", e);
        }
    }

    @Override
    public void synced(SyncState claimed, String syncToken, Instant now) {
        update("UPDATE calendar_sync SET sync_token = ?, synced_at = ?, attempts = 0, last_error = NULL, leased_until = NULL, "
                        + "requested_at = CASE WHEN request_count = ? THEN NULL ELSE requested_at END WHERE user_id = ?",
                syncToken, Timestamp.from(now), claimed.claimedCount(), claimed.userId());
    }

    @Override
    public void failed(SyncState claimed, int attempts, Instant due, String error) {
        update("UPDATE calendar_sync SET attempts = ?, last_error = ?, leased_until = NULL, requested_at = ? WHERE user_id = ?",
                attempts, error, Timestamp.from(due), claimed.userId());
    }

    @Override
    public int requestStale(Duration interval, Instant now) {
        return update("UPDATE calendar_sync SET requested_at = ?, request_count = request_count + 1 WHERE requested_at IS NULL AND (synced_at IS NULL OR synced_at < ?)",
                Timestamp.from(now), Timestamp.from(now.minus(interval)));
    }

    @Override
    public long requestsOf(String userId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT request_count FROM calendar_sync WHERE user_id = ?")) {
            select.setString(1, userId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the sync requests of " + userId, e);
        }
    }

    @Override
    public void forget(String userId) {
        update("DELETE FROM calendar_sync WHERE user_id = ?", userId);
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not change the calendar sync state", e);
        }
    }
}

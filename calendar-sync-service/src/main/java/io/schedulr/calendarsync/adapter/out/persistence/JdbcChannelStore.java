package io.schedulr.calendarsync.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.schedulr.calendarsync.application.port.out.ChannelStore;
import io.schedulr.calendarsync.domain.WatchChannel;
import io.schedulr.calendarsync.domain.WatchChannelStatus;
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

/** {@code webhook_channels}: push channels on people's dedicated calendars. */
@ApplicationScoped
public class JdbcChannelStore implements ChannelStore {
    private static final String COLUMNS = "channel_id, user_id, calendar_id, resource_id, token, expiration_ts, status, confirmed_at";
    /**
     * Connected people not backing off from a failed opening ({@code ?}: now), without an active channel living past
     * {@code ?} (the renewal margin), none being opened just now.
     */
    private static final String NEEDING_CHANNEL = "SELECT c.google_account_id, c.calendar_id, COALESCE(b.failures, 0) FROM calendar_connection c "
            + "LEFT JOIN watch_opening_backoff b ON b.user_id = c.google_account_id "
            + "WHERE c.status = 'connected' AND (b.next_attempt_at IS NULL OR b.next_attempt_at <= ?) "
            + "AND NOT EXISTS (SELECT 1 FROM webhook_channels w WHERE w.user_id = c.google_account_id AND w.status = 'active' "
            + "AND w.calendar_id = c.calendar_id AND w.expiration_ts > ?) "
            + "AND NOT EXISTS (SELECT 1 FROM webhook_channels o WHERE o.user_id = c.google_account_id AND o.status = 'opening' "
            + "AND o.created_at > now() - interval '2 minutes')";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Optional<WatchChannel> find(String channelId) {
        List<WatchChannel> found = channels("SELECT " + COLUMNS + " FROM webhook_channels WHERE channel_id = ?", channelId);
        return found.stream().findFirst();
    }

    @Override
    public List<Watchable> needingChannel(Instant now, Instant renewBefore, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(NEEDING_CHANNEL + " ORDER BY c.google_account_id LIMIT ?")) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setTimestamp(2, Timestamp.from(renewBefore));
            select.setInt(3, limit);
            List<Watchable> due = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    due.add(new Watchable(rs.getString(1), rs.getString(2), rs.getInt(3)));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException("could not find calendars needing a push channel", e);
        }
    }

    @Override
    public boolean needsChannel(String userId, Instant now, Instant renewBefore) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(NEEDING_CHANNEL + " AND c.google_account_id = ?")) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setTimestamp(2, Timestamp.from(renewBefore));
            select.setString(3, userId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not find whether " + userId + " needs a push channel", e);
        }
    }

    @Override
    public void opening(WatchChannel channel, Instant now) {
        update("INSERT INTO webhook_channels (channel_id, user_id, calendar_id, token, expiration_ts, status, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, 'opening', ?)", channel.channelId(), channel.userId(), channel.calendarId(), channel.token(),
                Timestamp.from(channel.expiresAt()), Timestamp.from(now));
    }

    @Override
    public void opened(String channelId, String resourceId, Instant expiresAt) {
        update("UPDATE webhook_channels SET status = 'replaced' WHERE status = 'active' "
                + "AND user_id = (SELECT user_id FROM webhook_channels WHERE channel_id = ?)", channelId);
        update("DELETE FROM watch_opening_backoff WHERE user_id = (SELECT user_id FROM webhook_channels WHERE channel_id = ?)", channelId);
        update("UPDATE webhook_channels SET status = 'active', resource_id = ?, expiration_ts = ? WHERE channel_id = ?",
                resourceId, Timestamp.from(expiresAt), channelId);
    }

    @Override
    public void openingFailed(String userId, int failures, Instant retryAt, String error) {
        update("INSERT INTO watch_opening_backoff (user_id, failures, next_attempt_at, last_error) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (user_id) DO UPDATE SET failures = EXCLUDED.failures, next_attempt_at = EXCLUDED.next_attempt_at, "
                        + "last_error = EXCLUDED.last_error",
                userId, failures, Timestamp.from(retryAt), error == null || error.length() <= 2000 ? error : error.substring(0, 2000));
    }

    @Override
    public void discard(String channelId) {
        update("DELETE FROM webhook_channels WHERE channel_id = ? AND status = 'opening'", channelId);
    }

    @Override
    public void confirm(String channelId, Instant now) {
        update("UPDATE webhook_channels SET confirmed_at = COALESCE(confirmed_at, ?) WHERE channel_id = ?", Timestamp.from(now), channelId);
    }

    @Override
    public List<WatchChannel> lockToStop(Instant now, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM webhook_channels w WHERE w.status <> 'stopped' AND ("
                + " w.expiration_ts <= ?"
                + " OR (w.status = 'opening' AND w.created_at < now() - interval '2 minutes')"
                + " OR (w.status = 'replaced' AND EXISTS (SELECT 1 FROM webhook_channels n WHERE n.user_id = w.user_id "
                + "     AND n.status = 'active' AND n.confirmed_at IS NOT NULL))"
                + " OR NOT EXISTS (SELECT 1 FROM calendar_connection c WHERE c.google_account_id = w.user_id AND c.status = 'connected' "
                + "     AND c.calendar_id = w.calendar_id))"
                + " ORDER BY w.created_at LIMIT ? FOR UPDATE OF w SKIP LOCKED";
        return channels(sql, Timestamp.from(now), limit);
    }

    @Override
    public void stopped(String channelId, Instant now) {
        update("UPDATE webhook_channels SET status = 'stopped', stopped_at = ? WHERE channel_id = ?", Timestamp.from(now), channelId);
    }

    @Override
    public List<WatchChannel> liveOf(String userId) {
        return channels("SELECT " + COLUMNS + " FROM webhook_channels WHERE user_id = ? AND status <> 'stopped' FOR UPDATE", userId);
    }

    private List<WatchChannel> channels(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<WatchChannel> found = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Timestamp confirmed = rs.getTimestamp(8);
                    found.add(new WatchChannel(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getTimestamp(6).toInstant(), WatchChannelStatus.valueOf(rs.getString(7).toUpperCase(Locale.ROOT)),
                            confirmed == null ? null : confirmed.toInstant()));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read push channels", e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not change push channels", e);
        }
    }
}

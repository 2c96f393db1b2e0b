package io.schedulr.calendarsync.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.schedulr.calendarsync.application.port.out.RoomMirrors;
import io.schedulr.calendarsync.domain.RoomMirror;
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
import java.util.Optional;

/** {@code room_mirror}: each room's Google event. */
@ApplicationScoped
public class JdbcRoomMirrors implements RoomMirrors {
    private static final String SELECT = "SELECT room_id, ics_uid, google_event_id, host_id, calendar_id, last_sequence, status, "
            + "start_utc, end_utc, guest_email, guest_id, release_asked, event_updated FROM room_mirror ";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Optional<RoomMirror> lock(String roomId) {
        return query(SELECT + "WHERE room_id = ? FOR UPDATE", roomId).stream().findFirst();
    }

    @Override
    public Optional<RoomMirror> lockWithEvent(String calendarId, String googleEventId) {
        return query(SELECT + "WHERE calendar_id = ? AND google_event_id = ? FOR UPDATE", calendarId, googleEventId).stream().findFirst();
    }

    @Override
    public List<RoomMirror> activeOn(String calendarId) {
        return query(SELECT + "WHERE calendar_id = ? AND status = 'active' AND google_event_id IS NOT NULL", calendarId);
    }

    @Override
    public List<RoomMirror> activeOf(String hostId) {
        return query(SELECT + "WHERE host_id = ? AND status = 'active' AND google_event_id IS NOT NULL", hostId);
    }

    @Override
    public void save(RoomMirror mirror) {
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement("INSERT INTO room_mirror "
                + "(room_id, ics_uid, google_event_id, host_id, calendar_id, last_sequence, status, start_utc, end_utc, guest_email, "
                + "guest_id, release_asked, event_updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (room_id) DO UPDATE SET ics_uid = EXCLUDED.ics_uid, google_event_id = EXCLUDED.google_event_id, "
                + "host_id = EXCLUDED.host_id, calendar_id = EXCLUDED.calendar_id, last_sequence = EXCLUDED.last_sequence, "
                + "status = EXCLUDED.status, start_utc = EXCLUDED.start_utc, end_utc = EXCLUDED.end_utc, "
                + "guest_email = EXCLUDED.guest_email, guest_id = EXCLUDED.guest_id, release_asked = EXCLUDED.release_asked, "
                + "event_updated = EXCLUDED.event_updated, updated_at = now()")) {
            upsert.setString(1, mirror.roomId());
            upsert.setString(2, mirror.icsUid());
            upsert.setString(3, mirror.googleEventId());
            upsert.setString(4, mirror.hostId());
            upsert.setString(5, mirror.calendarId());
            upsert.setInt(6, mirror.lastSequence());
            upsert.setString(7, mirror.cancelled() ? "cancelled" : "active");
            upsert.setTimestamp(8, timestamp(mirror.startUtc()));
            upsert.setTimestamp(9, timestamp(mirror.endUtc()));
            upsert.setString(10, mirror.guestEmail());
            upsert.setString(11, mirror.guestId());
            upsert.setBoolean(12, mirror.releaseAsked());
            upsert.setTimestamp(13, timestamp(mirror.lastWriteUpdated()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not save the mirror of room " + mirror.roomId(), e);
        }
    }

    private List<RoomMirror> query(String sql, String... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            List<RoomMirror> found = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(new RoomMirror(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getInt(6), "cancelled".equals(rs.getString(7)), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)),
                            rs.getString(10), rs.getString(11), rs.getBoolean(12), instant(rs.getTimestamp(13))));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read room mirrors (" + String.join(", ", parameters) + ")", e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

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
import java.util.Optional;

/** {@code room_mirror}: each room's Google event. */
@ApplicationScoped
public class JdbcRoomMirrors implements RoomMirrors {
    @Inject
    AgroalDataSource dataSource;

    @Override
    public Optional<RoomMirror> find(String roomId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement("SELECT room_id, ics_uid, "
                + "google_event_id, host_id, calendar_id, last_sequence, status FROM room_mirror WHERE room_id = ?")) {
            select.setString(1, roomId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RoomMirror(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), "cancelled".equals(rs.getString(7))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the mirror of room " + roomId, e);
        }
    }

    @Override
    public void save(RoomMirror mirror) {
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement("INSERT INTO room_mirror "
                + "(room_id, ics_uid, google_event_id, host_id, calendar_id, last_sequence, status) VALUES (?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (room_id) DO UPDATE SET ics_uid = EXCLUDED.ics_uid, google_event_id = EXCLUDED.google_event_id, "
                + "host_id = EXCLUDED.host_id, calendar_id = EXCLUDED.calendar_id, last_sequence = EXCLUDED.last_sequence, "
                + "status = EXCLUDED.status, updated_at = now()")) {
            upsert.setString(1, mirror.roomId());
            upsert.setString(2, mirror.icsUid());
            upsert.setString(3, mirror.googleEventId());
            upsert.setString(4, mirror.hostId());
            upsert.setString(5, mirror.calendarId());
            upsert.setInt(6, mirror.lastSequence());
            upsert.setString(7, mirror.cancelled() ? "cancelled" : "active");
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not save the mirror of room " + mirror.roomId(), e);
        }
    }
}

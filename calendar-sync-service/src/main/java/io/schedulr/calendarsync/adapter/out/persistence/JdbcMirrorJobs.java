package io.schedulr.calendarsync.adapter.out.persistence;

import io.schedulr.kit.tracing.TraceParents;

import io.agroal.api.AgroalDataSource;
import io.schedulr.calendarsync.application.port.out.MirrorJobs;
import io.schedulr.calendarsync.domain.MirrorJobStatus;
import io.schedulr.calendarsync.domain.RoomChange;
import io.schedulr.calendarsync.domain.RoomChangeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** {@code mirror_job} over JDBC: claimed with {@code FOR UPDATE SKIP LOCKED}, a room's earliest pending job only. */
@ApplicationScoped
public class JdbcMirrorJobs implements MirrorJobs {
    private static final Logger LOG = Logger.getLogger(JdbcMirrorJobs.class);
    private static final int MAX_NOTE = 2000;
    private static final int MAX_PARKED_PER_CLAIM = 100;
    private static final String JOB_COLUMNS = "j.event_id, j.kind, j.room_id, j.sequence, j.ics_uid, j.host_id, j.time_zone, "
            + "j.guest_email, j.guest_name, j.title, j.room_url, j.start_utc, j.end_utc, j.attempts, j.room_event, j.guest_id, "
            + "j.traceparent, j.silent";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public void add(RoomChange change, Instant now, boolean silent) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO mirror_job (event_id, room_id, kind, sequence, host_id, ics_uid, "
                     + "time_zone, guest_email, guest_name, title, room_url, start_utc, end_utc, next_attempt_at, room_event, guest_id, traceparent, "
                     + "silent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")) {
            insert.setString(1, change.eventId());
            insert.setString(2, change.roomId());
            insert.setString(3, change.kind().name().toLowerCase(Locale.ROOT));
            insert.setInt(4, change.sequence());
            insert.setString(5, change.hostId());
            insert.setString(6, change.icsUid());
            insert.setString(7, change.timeZone());
            insert.setString(8, change.guestEmail());
            insert.setString(9, change.guestName());
            insert.setString(10, change.title());
            insert.setString(11, change.roomUrl());
            insert.setTimestamp(12, Timestamp.from(change.startUtc()));
            insert.setTimestamp(13, Timestamp.from(change.endUtc()));
            insert.setTimestamp(14, Timestamp.from(now));
            insert.setString(15, change.announcement());
            insert.setString(16, change.guestId());
            insert.setString(17, TraceParents.current());
            insert.setBoolean(18, silent);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue event " + change.eventId() + " of room " + change.roomId(), e);
        }
    }

    @Override
    public Optional<QueuedJob> lockNextDue(Instant now) {
        String sql = "SELECT " + JOB_COLUMNS + " FROM mirror_job j "
                + "WHERE j.status = 'pending' AND j.next_attempt_at <= ? "
                + "AND EXISTS (SELECT 1 FROM calendar_connection c WHERE c.google_account_id = j.host_id AND c.status = 'connected') "
                + "AND NOT EXISTS (SELECT 1 FROM mirror_job e WHERE e.room_id = j.room_id AND e.status = 'pending' "
                // One meeting's changes in sequence order; a later meeting of the room (after the guest left) after it.
                + "AND (e.ics_uid = j.ics_uid AND (e.sequence < j.sequence OR (e.sequence = j.sequence AND e.id < j.id)) "
                + "OR e.ics_uid <> j.ics_uid AND e.id < j.id)) "
                + "ORDER BY j.next_attempt_at, j.id LIMIT 1 FOR UPDATE OF j SKIP LOCKED";
        return claim(sql, Timestamp.from(now), "could not claim a mirror job");
    }

    @Override
    public Optional<QueuedJob> lockNextUnannouncedOfRevokedHost() {
        String sql = "SELECT " + JOB_COLUMNS + " FROM mirror_job j WHERE j.status = 'pending' AND NOT j.silent "
                + "AND EXISTS (SELECT 1 FROM calendar_connection c WHERE c.google_account_id = j.host_id AND c.status = 'revoked') "
                + "ORDER BY j.id LIMIT 1 FOR UPDATE OF j SKIP LOCKED";
        return claim(sql, null, "could not claim a mirror job of a revoked host");
    }

    /**
     * The first job {@code sql} finds, locked. One this version can no longer read (stored before a rule tightened, or of a
     * kind it no longer knows) is parked with the reason, in the same transaction, and the next is taken: it would otherwise
     * stay the earliest due and fail every claim, everyone's jobs behind it. Any other failure fails the claim as before,
     * so a fault of this code never parks the whole queue.
     */
    private Optional<QueuedJob> claim(String sql, Timestamp now, String failure) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            if (now != null) {
                select.setTimestamp(1, now);
            }
            for (int parked = 0; parked < MAX_PARKED_PER_CLAIM; parked++) {
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    try {
                        return Optional.of(job(rs));
                    } catch (IllegalArgumentException | NullPointerException unreadable) {
                        // What a rule of RoomChange or an unknown kind throws; anything else is a fault here, not in the row.
                        String eventId = rs.getString(1);
                        LOG.errorf("mirror job %s (room %s) parked, it can no longer be read: %s", eventId, rs.getString(3), unreadable);
                        finish(eventId, MirrorJobStatus.PARKED, "this job can no longer be read: " + unreadable);
                    }
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(failure, e);
        }
    }

    @Override
    public int requeueOntoNewCalendar(String hostId, String newCalendarId, Instant now) {
        // A room's last applied job carries everything its event shows (the mirror holds only ids and times); run again,
        // it finds the mirror on another calendar and inserts the event on the new one.
        String sql = "UPDATE mirror_job SET status = 'pending', attempts = 0, next_attempt_at = ?, silent = true, "
                + "last_error = 'queued again: the host''s calendar was deleted in Google and made anew', updated_at = now() "
                + "WHERE event_id IN (SELECT latest.event_id FROM (SELECT DISTINCT ON (j.room_id) j.event_id, j.end_utc FROM mirror_job j "
                + "JOIN room_mirror m ON m.room_id = j.room_id AND m.ics_uid = j.ics_uid "
                + "WHERE m.host_id = ? AND m.status = 'active' AND m.calendar_id <> ? AND j.status = 'done' "
                + "AND NOT EXISTS (SELECT 1 FROM mirror_job p WHERE p.room_id = j.room_id AND p.status = 'pending') "
                + "ORDER BY j.room_id, j.sequence DESC, j.id DESC) latest WHERE latest.end_utc > ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, hostId);
            update.setString(3, newCalendarId);
            update.setTimestamp(4, Timestamp.from(now));
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue the rooms of " + hostId + " for their new calendar", e);
        }
    }

    @Override
    public void markSilent(String eventId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE mirror_job SET silent = true, updated_at = now() WHERE event_id = ?")) {
            update.setString(1, eventId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark mirror job " + eventId + " silent", e);
        }
    }

    private static QueuedJob job(ResultSet rs) throws SQLException {
        RoomChange change = new RoomChange(rs.getString(1), RoomChangeKind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant(), rs.getTimestamp(13).toInstant(),
                rs.getString(15), rs.getString(16));
        return new QueuedJob(change, rs.getInt(14), rs.getString(17), rs.getBoolean(18));
    }

    @Override
    public void finish(String eventId, MirrorJobStatus status, String note) {
        update("UPDATE mirror_job SET status = ?, last_error = ?, updated_at = now() WHERE event_id = ?",
                status.name().toLowerCase(Locale.ROOT), clip(note), eventId);
    }

    @Override
    public void retryAt(String eventId, int attempts, Instant due, String reason) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE mirror_job SET attempts = ?, next_attempt_at = ?, last_error = ?, updated_at = now() WHERE event_id = ?")) {
            update.setInt(1, attempts);
            update.setTimestamp(2, Timestamp.from(due));
            update.setString(3, clip(reason));
            update.setString(4, eventId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not reschedule mirror job " + eventId, e);
        }
    }

    private void update(String sql, String a, String b, String c3) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, a);
            update.setString(2, b);
            update.setString(3, c3);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update mirror job " + c3, e);
        }
    }

    private static String clip(String note) {
        return note == null || note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE);
    }
}

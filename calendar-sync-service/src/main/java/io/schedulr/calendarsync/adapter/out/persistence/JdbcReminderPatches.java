package io.schedulr.calendarsync.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.schedulr.calendarsync.application.port.out.ReminderPatches;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** {@code reminder_patch} over JDBC: due rows of connected people claimed with {@code FOR UPDATE SKIP LOCKED}. */
@ApplicationScoped
public class JdbcReminderPatches implements ReminderPatches {
    private static final int MAX_NOTE = 2000;

    @Inject
    AgroalDataSource dataSource;

    @Override
    public void queue(Patch patch, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement("INSERT INTO reminder_patch "
                + "(calendar_id, google_event_id, person_id, kind, subject_id, start_utc, status, attempts, next_attempt_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?) ON CONFLICT (calendar_id, google_event_id) DO UPDATE SET "
                + "person_id = EXCLUDED.person_id, kind = EXCLUDED.kind, subject_id = EXCLUDED.subject_id, start_utc = EXCLUDED.start_utc, "
                + "status = 'pending', attempts = 0, next_attempt_at = EXCLUDED.next_attempt_at, last_error = NULL, updated_at = now()")) {
            upsert.setString(1, patch.calendarId());
            upsert.setString(2, patch.eventId());
            upsert.setString(3, patch.personId());
            upsert.setString(4, patch.kind().name().toLowerCase(Locale.ROOT));
            upsert.setString(5, patch.subjectId());
            upsert.setTimestamp(6, Timestamp.from(patch.startUtc()));
            upsert.setTimestamp(7, Timestamp.from(now));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue the reminders of event " + patch.eventId(), e);
        }
    }

    @Override
    public Optional<QueuedPatch> lockNextDue(Instant now) {
        String sql = "SELECT p.person_id, p.calendar_id, p.google_event_id, p.kind, p.subject_id, p.start_utc, p.attempts "
                + "FROM reminder_patch p WHERE p.status = 'pending' AND p.next_attempt_at <= ? "
                + "AND EXISTS (SELECT 1 FROM calendar_connection c WHERE c.google_account_id = p.person_id AND c.status = 'connected') "
                + "ORDER BY p.next_attempt_at LIMIT 1 FOR UPDATE OF p SKIP LOCKED";
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Patch patch = new Patch(rs.getString(1), rs.getString(2), rs.getString(3),
                        Patch.Kind.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), rs.getString(5), rs.getTimestamp(6).toInstant());
                return Optional.of(new QueuedPatch(patch, rs.getInt(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim a reminder patch", e);
        }
    }

    @Override
    public void done(Patch patch, String note) {
        update(patch, "UPDATE reminder_patch SET status = 'done', last_error = ?, updated_at = now() "
                + "WHERE calendar_id = ? AND google_event_id = ?", note);
    }

    @Override
    public void park(Patch patch, String reason) {
        update(patch, "UPDATE reminder_patch SET status = 'parked', last_error = ?, updated_at = now() "
                + "WHERE calendar_id = ? AND google_event_id = ?", reason);
    }

    @Override
    public void retryAt(Patch patch, int attempts, Instant due, String reason) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement("UPDATE reminder_patch "
                + "SET attempts = ?, next_attempt_at = ?, last_error = ?, updated_at = now() WHERE calendar_id = ? AND google_event_id = ?")) {
            update.setInt(1, attempts);
            update.setTimestamp(2, Timestamp.from(due));
            update.setString(3, clip(reason));
            update.setString(4, patch.calendarId());
            update.setString(5, patch.eventId());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not reschedule the reminders of event " + patch.eventId(), e);
        }
    }

    private void update(Patch patch, String sql, String note) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, clip(note));
            update.setString(2, patch.calendarId());
            update.setString(3, patch.eventId());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update the reminders of event " + patch.eventId(), e);
        }
    }

    private static String clip(String note) {
        return note == null || note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE);
    }
}

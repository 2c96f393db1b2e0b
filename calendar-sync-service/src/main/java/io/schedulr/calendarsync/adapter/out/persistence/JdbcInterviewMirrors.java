package io.schedulr.calendarsync.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.schedulr.calendarsync.application.port.out.InterviewMirrors;
import io.schedulr.calendarsync.domain.InterviewEntry;
import io.schedulr.calendarsync.domain.InterviewMirror;
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

/**
 * {@code interview_mirror} and {@code interview_mirror_entry} over JDBC; due entries are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, members with a connected calendar only.
 */
@ApplicationScoped
public class JdbcInterviewMirrors implements InterviewMirrors {
    private static final int MAX_NOTE = 2000;
    private static final String ENTRY = "SELECT e.interview_id, e.member_id, e.member_email, e.calendar_id, e.sequence, e.shown, e.summary, "
            + "e.description, e.location, e.start_utc, e.end_utc, e.time_zone, e.ics_uid, e.applied, e.applied_sequence, e.attempts, e.tentative "
            + "FROM interview_mirror_entry e ";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Optional<InterviewMirror> lock(String interviewId) {
        // A new interview gets a placeholder row first, so two replicas taking in its first changes (a rebalance) wait for
        // each other here; the placeholder (sequence -1) goes with a rollback, or is overwritten by save.
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO interview_mirror (interview_id, last_sequence, cancelled) "
                     + "VALUES (?, -1, false) ON CONFLICT (interview_id) DO NOTHING");
             PreparedStatement select = c.prepareStatement(
                     "SELECT last_sequence, cancelled FROM interview_mirror WHERE interview_id = ? FOR UPDATE")) {
            insert.setString(1, interviewId);
            insert.executeUpdate();
            select.setString(1, interviewId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() && rs.getInt(1) >= 0 ? Optional.of(new InterviewMirror(interviewId, rs.getInt(1), rs.getBoolean(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read interview " + interviewId, e);
        }
    }

    @Override
    public void save(InterviewMirror interview) {
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement(
                "INSERT INTO interview_mirror (interview_id, last_sequence, cancelled) VALUES (?, ?, ?) ON CONFLICT (interview_id) "
                        + "DO UPDATE SET last_sequence = EXCLUDED.last_sequence, cancelled = EXCLUDED.cancelled, updated_at = now()")) {
            upsert.setString(1, interview.interviewId());
            upsert.setInt(2, interview.lastSequence());
            upsert.setBoolean(3, interview.cancelled());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not save interview " + interview.interviewId(), e);
        }
    }

    @Override
    public List<InterviewEntry> entriesOf(String interviewId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(ENTRY + "WHERE e.interview_id = ? ORDER BY e.member_id FOR UPDATE")) {
            select.setString(1, interviewId);
            List<InterviewEntry> found = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(entry(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the calendar entries of interview " + interviewId, e);
        }
    }

    @Override
    public List<InterviewEntry> shownTo(String memberId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(ENTRY
                + "WHERE e.member_id = ? AND e.applied = 'shown' AND e.calendar_id IS NOT NULL ORDER BY e.start_utc")) {
            select.setString(1, memberId);
            List<InterviewEntry> found = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(entry(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the interview entries of " + memberId, e);
        }
    }

    @Override
    public int requeueOntoNewCalendar(String memberId, String newCalendarId, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement("UPDATE interview_mirror_entry "
                + "SET status = 'pending', attempts = 0, next_attempt_at = ?, last_error = NULL, updated_at = now() "
                + "WHERE member_id = ? AND shown AND end_utc > ? AND status <> 'pending' "
                + "AND (calendar_id IS NULL OR calendar_id <> ?)")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, memberId);
            update.setTimestamp(3, Timestamp.from(now));
            update.setString(4, newCalendarId);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue the interviews of " + memberId + " for their new calendar", e);
        }
    }

    @Override
    public void want(InterviewEntry entry, Instant now) {
        // What Google shows (applied, applied_sequence, calendar_id) is only ever written by the worker.
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement("INSERT INTO interview_mirror_entry "
                + "(interview_id, member_id, member_email, google_event_id, sequence, shown, summary, description, location, start_utc, "
                + "end_utc, time_zone, ics_uid, tentative, status, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?) "
                + "ON CONFLICT (interview_id, member_id) DO UPDATE SET member_email = EXCLUDED.member_email, sequence = EXCLUDED.sequence, "
                + "shown = EXCLUDED.shown, summary = EXCLUDED.summary, description = EXCLUDED.description, location = EXCLUDED.location, "
                + "start_utc = EXCLUDED.start_utc, end_utc = EXCLUDED.end_utc, time_zone = EXCLUDED.time_zone, ics_uid = EXCLUDED.ics_uid, "
                + "tentative = EXCLUDED.tentative, status = 'pending', attempts = 0, next_attempt_at = EXCLUDED.next_attempt_at, last_error = NULL, updated_at = now()")) {
            upsert.setString(1, entry.interviewId());
            upsert.setString(2, entry.memberId());
            upsert.setString(3, entry.memberEmail());
            upsert.setString(4, entry.googleEventId());
            upsert.setInt(5, entry.sequence());
            upsert.setBoolean(6, entry.shown());
            upsert.setString(7, entry.summary());
            upsert.setString(8, entry.description());
            upsert.setString(9, entry.location());
            upsert.setTimestamp(10, Timestamp.from(entry.startUtc()));
            upsert.setTimestamp(11, Timestamp.from(entry.endUtc()));
            upsert.setString(12, entry.timeZone());
            upsert.setString(13, entry.icsUid());
            upsert.setBoolean(14, entry.tentative());
            upsert.setTimestamp(15, Timestamp.from(now));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue interview " + entry.interviewId() + " for " + entry.memberId(), e);
        }
    }

    @Override
    public Optional<QueuedEntry> lockNextDue(Instant now) {
        String sql = ENTRY + "WHERE e.status = 'pending' AND e.next_attempt_at <= ? "
                + "AND EXISTS (SELECT 1 FROM calendar_connection c WHERE c.google_account_id = e.member_id AND c.status = 'connected') "
                + "ORDER BY e.next_attempt_at LIMIT 1 FOR UPDATE OF e SKIP LOCKED";
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new QueuedEntry(entry(rs), rs.getInt(16))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim an interview calendar entry", e);
        }
    }

    @Override
    public void done(InterviewEntry written) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement("UPDATE interview_mirror_entry "
                + "SET status = 'done', calendar_id = ?, applied = ?, applied_sequence = ?, last_error = NULL, updated_at = now() "
                + "WHERE interview_id = ? AND member_id = ?")) {
            update.setString(1, written.calendarId());
            update.setString(2, written.applied() == null ? null : written.applied().name().toLowerCase(Locale.ROOT));
            update.setInt(3, written.appliedSequence());
            update.setString(4, written.interviewId());
            update.setString(5, written.memberId());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record interview " + written.interviewId() + " for " + written.memberId(), e);
        }
    }

    @Override
    public void retryAt(InterviewEntry entry, int attempts, Instant due, String reason) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement("UPDATE interview_mirror_entry "
                + "SET attempts = ?, next_attempt_at = ?, last_error = ?, updated_at = now() WHERE interview_id = ? AND member_id = ?")) {
            update.setInt(1, attempts);
            update.setTimestamp(2, Timestamp.from(due));
            update.setString(3, clip(reason));
            update.setString(4, entry.interviewId());
            update.setString(5, entry.memberId());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not reschedule interview " + entry.interviewId() + " for " + entry.memberId(), e);
        }
    }

    @Override
    public void park(InterviewEntry entry, String reason) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement("UPDATE interview_mirror_entry "
                + "SET status = 'parked', last_error = ?, updated_at = now() WHERE interview_id = ? AND member_id = ?")) {
            update.setString(1, clip(reason));
            update.setString(2, entry.interviewId());
            update.setString(3, entry.memberId());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not park interview " + entry.interviewId() + " for " + entry.memberId(), e);
        }
    }

    private static InterviewEntry entry(ResultSet rs) throws SQLException {
        String applied = rs.getString(14);
        return new InterviewEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getBoolean(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant(),
                rs.getString(12), rs.getString(13), rs.getBoolean(17), applied == null ? null : InterviewEntry.Applied.valueOf(applied.toUpperCase(Locale.ROOT)),
                rs.getInt(15));
    }

    private static String clip(String note) {
        return note == null || note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE);
    }
}

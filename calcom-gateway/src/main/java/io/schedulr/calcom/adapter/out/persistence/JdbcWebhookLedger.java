package io.schedulr.calcom.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.schedulr.calcom.application.port.in.WebhookReceipt;
import io.schedulr.calcom.application.port.out.MeetingLedger;
import io.schedulr.calcom.application.port.out.WebhookDeliveryLog;
import io.schedulr.calcom.domain.webhook.BookingChange;
import io.schedulr.calcom.domain.webhook.MeetingState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dedup keys, the audit of deliveries, meeting states and held changes in PostgreSQL, through JDBC in the caller's JTA
 * transaction. One meeting is serialised by a transaction-scoped advisory lock on its iCalUID (two-key space 21, apart
 * from the outbox relay's one-key lock).
 */
@ApplicationScoped
public class JdbcWebhookLedger implements WebhookDeliveryLog, MeetingLedger {
    private static final Logger LOG = Logger.getLogger(JdbcWebhookLedger.class);
    private static final int MEETING_LOCK_SPACE = 21;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;

    @Override
    public boolean markProcessed(String dedupKey, String trigger) {
        return update("INSERT INTO processed_webhook (dedup_key, trigger) VALUES (?, ?) ON CONFLICT (dedup_key) DO NOTHING",
                dedupKey, trigger) == 1;
    }

    @Override
    public boolean processed(String dedupKey) {
        return !Statements.rows(dataSource, "webhook store failed", "SELECT 1 FROM processed_webhook WHERE dedup_key = ?", rs -> 1, dedupKey)
                .isEmpty();
    }

    @Override
    public void audit(String dedupKey, String trigger, byte[] body, WebhookReceipt outcome) {
        update("INSERT INTO webhook_delivery (trigger, dedup_key, outcome, body) VALUES (?, ?, ?, ?)", trigger, dedupKey, outcome.wire(),
                new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public Optional<MeetingState> lock(String icalUid) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
                lock.setInt(1, MEETING_LOCK_SPACE);
                lock.setString(2, icalUid);
                lock.execute();
            }
            try (PreparedStatement select = c.prepareStatement("SELECT sequence, cancelled, uid, ends_at FROM meeting_state WHERE ical_uid = ?")) {
                select.setString(1, icalUid);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(new MeetingState(icalUid, rs.getInt(1), rs.getBoolean(2), rs.getString(3), Statements.instant(rs, 4)))
                            : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read meeting " + icalUid, e);
        }
    }

    @Override
    public void save(MeetingState state) {
        update("INSERT INTO meeting_state (ical_uid, sequence, cancelled, uid, ends_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (ical_uid) DO UPDATE "
                        + "SET sequence = excluded.sequence, cancelled = excluded.cancelled, uid = excluded.uid, ends_at = excluded.ends_at, "
                        + "keep_looking = false, updated_at = now()",
                state.icalUid(), state.sequence(), state.cancelled(), state.uid(), state.end() == null ? null : Timestamp.from(state.end()));
    }

    @Override
    public void hold(BookingChange change, Instant receivedAt) {
        try {
            update("INSERT INTO held_change (dedup_key, ical_uid, position, change, received_at) VALUES (?, ?, ?, ?, ?) "
                            + "ON CONFLICT (dedup_key) DO NOTHING", change.dedupKey(), change.icalUid(), change.position(),
                    json.writeValueAsString(change), Timestamp.from(receivedAt));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not hold change " + change.dedupKey(), e);
        }
    }

    /**
     * A held change this version cannot read (stored before a rule tightened, or by an older shape of the record) is set
     * aside with the reason and left out, in the caller's transaction, so that its meeting's later changes still go out.
     */
    @Override
    public List<HeldChange> held(String icalUid) {
        List<HeldChange> held = new ArrayList<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT dedup_key, change, received_at FROM held_change "
                     + "WHERE ical_uid = ? AND set_aside_at IS NULL ORDER BY position, received_at")) {
            select.setString(1, icalUid);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    try {
                        held.add(new HeldChange(json.readValue(rs.getString(2), BookingChange.class), rs.getTimestamp(3).toInstant()));
                    } catch (JsonProcessingException e) {
                        unreadable.put(rs.getString(1), clip(e.getOriginalMessage()));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the held changes of " + icalUid, e);
        }
        unreadable.forEach((dedupKey, reason) -> {
            LOG.errorf("meeting %s: held Cal.com change %s set aside, it can no longer be read: %s", icalUid, dedupKey, reason);
            update("UPDATE held_change SET set_aside_at = now(), set_aside_reason = ? WHERE dedup_key = ?", reason, dedupKey);
        });
        return held;
    }

    private static String clip(String reason) {
        String text = reason == null ? "unreadable" : reason;
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    @Override
    public void release(BookingChange change) {
        update("DELETE FROM held_change WHERE dedup_key = ?", change.dedupKey());
    }

    @Override
    public List<String> meetingsHoldingSince(Instant before) {
        List<String> meetings = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT DISTINCT ical_uid FROM held_change WHERE received_at < ? AND set_aside_at IS NULL LIMIT 100")) {
            select.setTimestamp(1, Timestamp.from(before));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    meetings.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list held changes", e);
        }
        return meetings;
    }

    @Override
    public List<MeetingState> claimForLookUp(Instant now, Instant lookedUpBefore, int limit) {
        // Answered longest waiting first, as chosen: UPDATE … RETURNING alone gives its rows in no particular order.
        return Statements.rows(dataSource, "could not claim meetings to look up", "WITH due AS (SELECT ical_uid, looked_up_at AS before "
                        + "FROM meeting_state WHERE (NOT cancelled OR keep_looking) AND (ends_at IS NULL OR ends_at > ?) "
                        + "AND (looked_up_at IS NULL OR looked_up_at < ?) ORDER BY looked_up_at NULLS FIRST, ical_uid LIMIT ? "
                        + "FOR UPDATE SKIP LOCKED), claimed AS (UPDATE meeting_state m SET looked_up_at = ? FROM due "
                        + "WHERE m.ical_uid = due.ical_uid RETURNING m.ical_uid, m.sequence, m.cancelled, m.uid, m.ends_at, due.before) "
                        + "SELECT ical_uid, sequence, cancelled, uid, ends_at FROM claimed ORDER BY before NULLS FIRST, ical_uid",
                rs -> new MeetingState(rs.getString(1), rs.getInt(2), rs.getBoolean(3), rs.getString(4), Statements.instant(rs, 5)),
                Timestamp.from(now), Timestamp.from(lookedUpBefore), limit, Timestamp.from(now));
    }

    @Override
    public void giveBack(Collection<String> icalUids) {
        icalUids.forEach(icalUid -> update("UPDATE meeting_state SET looked_up_at = NULL WHERE ical_uid = ?", icalUid));
    }

    @Override
    public void keepLooking(String icalUid) {
        update("UPDATE meeting_state SET keep_looking = true WHERE ical_uid = ?", icalUid);
    }

    @Override
    public void keepEnd(String icalUid, Instant end) {
        update("UPDATE meeting_state SET ends_at = ? WHERE ical_uid = ? AND ends_at IS NULL", Timestamp.from(end), icalUid);
    }

    private int update(String sql, Object... values) {
        return Statements.update(dataSource, "webhook store failed", sql, values);
    }
}

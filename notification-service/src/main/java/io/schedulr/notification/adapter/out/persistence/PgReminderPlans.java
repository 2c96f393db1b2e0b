package io.schedulr.notification.adapter.out.persistence;

import io.schedulr.notification.application.port.out.ReminderPlanPort;
import io.schedulr.notification.domain.ReminderOutcome;
import io.schedulr.notification.domain.ReminderPlan;
import io.schedulr.notification.domain.ReminderPreference;
import io.schedulr.notification.domain.ReminderSession;
import io.schedulr.notification.domain.ReminderSlot;
import io.schedulr.notification.domain.SessionState;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.schedulr.notification.adapter.out.persistence.SqlValues.ts;

/**
 * The reminder plan on one connection, inside the transaction its caller opened (a room or interview event's, or a
 * preference change's). Lock order: a session row first, then its reminder rows — as the sender does.
 */
final class PgReminderPlans implements ReminderPlanPort {
    private static final String REPLANNED = "re-planned: the session moved, or the person's reminder preferences changed";

    private final SqlConnection conn;

    PgReminderPlans(SqlConnection conn) {
        this.conn = conn;
    }

    @Override
    public Uni<Optional<SessionState>> lockSession(String key) {
        return conn.preparedQuery("SELECT ics_uid, last_sequence, cancelled FROM reminder_session WHERE session_key = $1 FOR UPDATE")
                .execute(Tuple.of(key)).map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    Row row = it.next();
                    return Optional.of(new SessionState(key, row.getString("ics_uid"), row.getInteger("last_sequence"), row.getBoolean("cancelled")));
                });
    }

    @Override
    public Uni<Void> saveSession(ReminderSession s) {
        return conn.preparedQuery("""
                        INSERT INTO reminder_session (session_key, ics_uid, title, start_utc, end_utc, join_url, people, cancelled, last_sequence)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, false, $8)
                        ON CONFLICT (session_key) DO UPDATE SET ics_uid = EXCLUDED.ics_uid, title = EXCLUDED.title,
                            start_utc = EXCLUDED.start_utc, end_utc = EXCLUDED.end_utc, join_url = EXCLUDED.join_url,
                            people = EXCLUDED.people, cancelled = false, last_sequence = EXCLUDED.last_sequence, updated_at = now()""")
                .execute(Tuple.from(Arrays.asList(s.key(), s.icsUid(), s.title(), ts(s.start()), ts(s.end()), s.joinUrl(),
                        ReminderRows.people(s.people()), s.sequence())))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> markCancelled(String key, int sequence) {
        return conn.preparedQuery("UPDATE reminder_session SET cancelled = true, last_sequence = $2, updated_at = now() WHERE session_key = $1")
                .execute(Tuple.of(key, sequence)).replaceWithVoid();
    }

    @Override
    public Uni<Map<String, ReminderPreference>> preferences(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return conn.preparedQuery("SELECT user_id, minutes, channel, time_zone FROM reminder_preference WHERE user_id = ANY($1)")
                .execute(Tuple.of(userIds.toArray(new String[0]))).map(rows -> {
                    Map<String, ReminderPreference> preferences = new HashMap<>();
                    for (Row row : rows) {
                        preferences.put(row.getString("user_id"), ReminderRows.preference(row));
                    }
                    return preferences;
                });
    }

    @Override
    public Uni<Set<String>> finished(String key, String icsUid) {
        return conn.preparedQuery("""
                        SELECT recipient_email, recipient_user_id, offset_minutes, due_at FROM reminder
                        WHERE session_key = $1 AND ics_uid = $2 AND status IN ('SENT', 'SKIPPED')""")
                .execute(Tuple.of(key, icsUid)).map(rows -> {
                    Set<String> finished = new HashSet<>();
                    rows.forEach(row -> finished.add(ReminderRows.slot(row).identity()));
                    return finished;
                });
    }

    @Override
    public Uni<Void> replacePending(ReminderSession session, ReminderPlan plan) {
        Set<String> wanted = plan.wanted();
        return conn.preparedQuery("""
                        SELECT id, ics_uid, recipient_email, recipient_user_id, offset_minutes, due_at FROM reminder
                        WHERE session_key = $1 AND status = 'PENDING'""")
                .execute(Tuple.of(session.key()))
                .flatMap(rows -> {
                    List<Long> obsolete = new ArrayList<>();
                    for (Row row : rows) {
                        if (!row.getString("ics_uid").equals(session.icsUid()) || !wanted.contains(ReminderRows.slot(row).identity())) {
                            obsolete.add(row.getLong("id"));
                        }
                    }
                    return cancel(obsolete, REPLANNED);
                })
                .flatMap(cancelled -> Multi.createFrom().iterable(plan.toPlan())
                        .onItem().transformToUniAndConcatenate(slot -> insert(session, slot))
                        .collect().last().replaceWithVoid());
    }

    /** Inserts a pending reminder; the same reminder cancelled before is pending again, one pending or being sent stays as it is. */
    private Uni<Void> insert(ReminderSession session, ReminderSlot slot) {
        return conn.preparedQuery("""
                        INSERT INTO reminder (session_key, ics_uid, recipient_email, recipient_user_id, offset_minutes, due_at, status,
                            next_attempt_at)
                        VALUES ($1, $2, $3, $4, $5, $6, 'PENDING', $6)
                        ON CONFLICT ON CONSTRAINT reminder_once DO UPDATE SET status = 'PENDING', attempts = 0,
                            next_attempt_at = EXCLUDED.due_at, lease_until = NULL, lease_token = NULL, last_error = NULL,
                            recipient_user_id = EXCLUDED.recipient_user_id
                        WHERE reminder.status = 'CANCELLED'""")
                .execute(Tuple.from(Arrays.asList(session.key(), session.icsUid(), slot.recipientEmail(), slot.recipientUserId(),
                        slot.offsetMinutes(), ts(slot.dueAt()))))
                .replaceWithVoid();
    }

    @Override
    public Uni<Integer> cancelPending(String key, String reason) {
        return conn.preparedQuery("SELECT id FROM reminder WHERE session_key = $1 AND status = 'PENDING'").execute(Tuple.of(key))
                .flatMap(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getLong("id")));
                    return cancel(ids, reason);
                });
    }

    /** Pending reminders (still pending: a sender may have claimed one meanwhile) become CANCELLED, each audited. */
    private Uni<Integer> cancel(List<Long> ids, String reason) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return conn.preparedQuery("""
                        WITH cancelled AS (
                            UPDATE reminder SET status = 'CANCELLED', last_error = $2, lease_until = NULL, lease_token = NULL
                            WHERE id = ANY($1) AND status = 'PENDING'
                            RETURNING id, session_key, recipient_email, offset_minutes, due_at)
                        INSERT INTO reminder_audit (reminder_id, session_key, recipient_email, offset_minutes, due_at, outcome, detail)
                        SELECT id, session_key, recipient_email, offset_minutes, due_at, $3, $2 FROM cancelled""")
                .execute(Tuple.of(ids.toArray(new Long[0]), reason, ReminderOutcome.CANCELLED.name()))
                .map(rows -> rows.rowCount());
    }

    @Override
    public Uni<Void> savePreference(String userId, ReminderPreference preference) {
        if (preference == null) {
            return conn.preparedQuery("DELETE FROM reminder_preference WHERE user_id = $1").execute(Tuple.of(userId)).replaceWithVoid();
        }
        return conn.preparedQuery("""
                        INSERT INTO reminder_preference (user_id, minutes, channel, time_zone) VALUES ($1, $2, $3, $4)
                        ON CONFLICT (user_id) DO UPDATE SET minutes = EXCLUDED.minutes, channel = EXCLUDED.channel,
                            time_zone = EXCLUDED.time_zone, updated_at = now()""")
                .execute(Tuple.of(userId, preference.minutes().toArray(new Integer[0]), preference.email() ? "email" : "popup",
                        preference.timeZone()))
                .replaceWithVoid();
    }

    @Override
    public Uni<List<ReminderSession>> lockUpcomingSessionsOf(String userId, Instant now) {
        JsonArray containsPerson = new JsonArray().add(new JsonObject().put("userId", userId));
        return conn.preparedQuery("SELECT " + ReminderRows.SESSION_COLUMNS + """
                         FROM reminder_session
                        WHERE people @> $1 AND NOT cancelled AND start_utc > $2
                        ORDER BY session_key FOR UPDATE""")
                .execute(Tuple.of(containsPerson, ts(now))).map(rows -> {
                    List<ReminderSession> sessions = new ArrayList<>();
                    rows.forEach(row -> sessions.add(ReminderRows.session(row)));
                    return sessions;
                });
    }
}

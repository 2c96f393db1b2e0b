package io.schedulr.notification.adapter.out.persistence;

import io.schedulr.notification.application.port.out.ReminderPlanPort;
import io.schedulr.notification.application.port.out.ReminderQueuePort;
import io.schedulr.notification.application.port.out.ReminderUnitOfWorkPort;
import io.schedulr.notification.domain.DueReminder;
import io.schedulr.notification.domain.ReminderDecision;
import io.schedulr.notification.domain.ReminderOutcome;
import io.schedulr.notification.domain.ReminderPreference;
import io.schedulr.notification.domain.ReminderSession;
import io.schedulr.notification.domain.ReminderSlot;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static io.schedulr.notification.adapter.out.persistence.SqlValues.ts;

/**
 * The reminder tables in PostgreSQL: preference changes in a transaction of their own, and the sender's queue — claimed with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so two replicas never hold the same reminder, and settled in a transaction
 * that holds the session ({@code FOR SHARE}) while the reminder is sent, so a cancellation or re-plan of that session waits
 * for it (or, committed first, is seen and the reminder not sent). Times come from the caller (the injected clock).
 */
@ApplicationScoped
public class PgReminderStore implements ReminderUnitOfWorkPort, ReminderQueuePort {
    private final Pool pool;

    public PgReminderStore(Pool pool) {
        this.pool = pool;
    }

    /** The reminder plan inside a transaction another store opened (the room or interview event's). */
    static ReminderPlanPort plans(SqlConnection conn) {
        return new PgReminderPlans(conn);
    }

    @Override
    public <T> Uni<T> inTransaction(Function<ReminderPlanPort, Uni<T>> work) {
        return pool.withTransaction(conn -> work.apply(new PgReminderPlans(conn)));
    }

    @Override
    public Uni<List<Claim>> claimDue(Instant now, Duration lease, int batch) {
        UUID token = UUID.randomUUID();
        return pool.preparedQuery("""
                        UPDATE reminder SET status = 'SENDING', lease_until = $2, lease_token = $3
                        WHERE id IN (SELECT id FROM reminder
                                     WHERE (status = 'PENDING' AND due_at <= $1 AND next_attempt_at <= $1)
                                        OR (status = 'SENDING' AND lease_until < $1)
                                     ORDER BY due_at LIMIT $4
                                     FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .execute(Tuple.of(ts(now), ts(now.plus(lease)), token, batch))
                .map(rows -> {
                    List<Claim> claims = new ArrayList<>();
                    rows.forEach(row -> claims.add(new Claim(row.getLong("id"), token.toString())));
                    return claims;
                });
    }

    @Override
    public Uni<ReminderDecision> settle(Claim claim, Function<DueReminder, Uni<ReminderDecision>> decide) {
        return pool.withTransaction(conn -> conn.preparedQuery("SELECT session_key FROM reminder WHERE id = $1").execute(Tuple.of(claim.id()))
                .flatMap(keys -> {
                    var it = keys.iterator();
                    if (!it.hasNext()) {
                        return Uni.createFrom().nullItem();
                    }
                    String key = it.next().getString("session_key");
                    // The session first (shared: senders of one session do not wait for each other), then the reminder.
                    return conn.preparedQuery("SELECT " + ReminderRows.SESSION_COLUMNS + " FROM reminder_session WHERE session_key = $1 FOR SHARE")
                            .execute(Tuple.of(key))
                            .flatMap(sessions -> conn.preparedQuery("""
                                            SELECT id, ics_uid, recipient_email, recipient_user_id, offset_minutes, due_at, attempts FROM reminder
                                            WHERE id = $1 AND status = 'SENDING' AND lease_token = $2 FOR UPDATE""")
                                    .execute(Tuple.of(claim.id(), UUID.fromString(claim.token())))
                                    .flatMap(reminders -> {
                                        var r = reminders.iterator();
                                        if (!r.hasNext()) {
                                            return Uni.createFrom().nullItem(); // another sender took it after our lease ran out
                                        }
                                        Row sessionRow = sessions.iterator().next();
                                        Row reminderRow = r.next();
                                        // The person's preference as it stands now: a change committed after the claim found
                                        // this reminder SENDING, not PENDING, so only this check keeps it from going out. Whose:
                                        // the user id the session names them by now, as the planner reads it.
                                        String userId = ReminderRows.session(sessionRow).participant(reminderRow.getString("recipient_email"))
                                                .map(p -> p.person().id()).orElse(reminderRow.getString("recipient_user_id"));
                                        return preference(conn, userId).flatMap(preference -> {
                                            DueReminder due = due(reminderRow, sessionRow, preference);
                                            return decide.apply(due).flatMap(decision -> store(conn, due, decision).replaceWith(decision));
                                        });
                                    }));
                }));
    }

    /** Read without a lock: a preference change locks the session after writing it, and the sender holds that session. */
    private static Uni<ReminderPreference> preference(SqlConnection conn, String userId) {
        if (userId == null) {
            return Uni.createFrom().item(ReminderPreference.DEFAULT);
        }
        return conn.preparedQuery("SELECT minutes, channel, time_zone FROM reminder_preference WHERE user_id = $1").execute(Tuple.of(userId))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return ReminderPreference.DEFAULT;
                    }
                    return ReminderRows.preference(it.next());
                });
    }

    private static DueReminder due(Row row, Row sessionRow, ReminderPreference preference) {
        ReminderSession session = ReminderRows.session(sessionRow);
        ReminderSlot slot = ReminderRows.slot(row);
        boolean otherMeeting = !row.getString("ics_uid").equals(session.icsUid());
        // A reminder of an earlier meeting of the room (booked again after a release) is as good as cancelled.
        return new DueReminder(row.getLong("id"), slot, session, sessionRow.getBoolean("cancelled") || otherMeeting,
                row.getInteger("attempts"), ReminderRows.messageKey(session.key(), row.getString("ics_uid"), slot), preference);
    }

    private static Uni<Void> store(SqlConnection conn, DueReminder due, ReminderDecision decision) {
        String detail = SqlValues.clip(decision.detail(), 2000);
        Uni<?> update = switch (decision.outcome()) {
            case SENT -> conn.preparedQuery("""
                            UPDATE reminder SET status = 'SENT', sent_at = $2, last_error = NULL, lease_until = NULL, lease_token = NULL
                            WHERE id = $1""")
                    .execute(Tuple.of(due.id(), ts(decision.at())));
            case SKIPPED_LATE, CANCELLED -> conn.preparedQuery("""
                            UPDATE reminder SET status = $2, last_error = $3, lease_until = NULL, lease_token = NULL WHERE id = $1""")
                    .execute(Tuple.of(due.id(), decision.outcome() == ReminderOutcome.CANCELLED ? "CANCELLED" : "SKIPPED", detail));
            case FAILED -> conn.preparedQuery("""
                            UPDATE reminder SET status = 'PENDING', attempts = attempts + 1, next_attempt_at = $2, last_error = $3,
                                lease_until = NULL, lease_token = NULL WHERE id = $1""")
                    .execute(Tuple.of(due.id(), ts(decision.nextAttemptAt()), detail));
        };
        return update
                .flatMap(v -> conn.preparedQuery("""
                                INSERT INTO reminder_audit (reminder_id, session_key, recipient_email, offset_minutes, due_at, outcome, detail,
                                    message_key, decided_at)
                                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
                        .execute(Tuple.from(Arrays.asList(due.id(), due.session().key(), due.slot().recipientEmail(),
                                due.slot().offsetMinutes(), ts(due.slot().dueAt()), decision.outcome().name(), detail,
                                decision.outcome() == ReminderOutcome.SENT || decision.outcome() == ReminderOutcome.FAILED ? due.messageKey() : null,
                                ts(decision.at())))))
                .replaceWithVoid();
    }
}

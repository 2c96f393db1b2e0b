package io.schedulr.notification.adapter.out.persistence;

import io.schedulr.notification.application.port.out.DeliveryQueuePort;
import io.schedulr.notification.application.port.out.LoadDeliveryHistoryPort;
import io.schedulr.notification.application.port.out.RecordEmailStatusPort;
import io.schedulr.notification.domain.DeliveryAttemptRecord;
import io.schedulr.notification.domain.DeliveryOutcome;
import io.schedulr.notification.domain.DeliveryStatus;
import io.schedulr.notification.domain.EmailStatus;
import io.schedulr.notification.domain.EmailStatusNotice;
import io.schedulr.notification.domain.InvalidRoomChangeException;
import io.schedulr.notification.domain.Invitation;
import io.schedulr.notification.domain.InviteMethod;
import io.schedulr.notification.domain.Meeting;
import io.schedulr.notification.domain.Person;
import io.schedulr.notification.domain.ReportedMail;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static io.schedulr.notification.adapter.out.persistence.SqlValues.instant;
import static io.schedulr.notification.adapter.out.persistence.SqlValues.ts;

/** The delivery queue (leases with FOR UPDATE SKIP LOCKED), the audit trail and provider notices. */
@ApplicationScoped
public class PgDeliveryStore implements DeliveryQueuePort, LoadDeliveryHistoryPort, RecordEmailStatusPort {
    private static final Logger LOG = Logger.getLogger(PgDeliveryStore.class);
    private final Pool pool;

    public PgDeliveryStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<List<QueuedDelivery>> claimDue(int max, Duration lease) {
        UUID token = UUID.randomUUID();
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        UPDATE delivery SET lease_until = now() + CAST($2::text AS interval), lease_token = $3
                        WHERE id IN (
                            SELECT d.id FROM delivery d
                            WHERE d.status IN ('PENDING', 'PARKED') AND d.next_attempt_at <= now()
                              AND (d.lease_until IS NULL OR d.lease_until < now())
                              AND NOT EXISTS (SELECT 1 FROM delivery e
                                              WHERE e.room_id = d.room_id AND e.recipient_email = d.recipient_email
                                                AND e.status IN ('PENDING', 'PARKED') AND e.id < d.id)
                            ORDER BY d.id
                            LIMIT $1
                            FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .execute(Tuple.of(max, lease.toMillis() + " milliseconds", token))
                .flatMap(rows -> {
                    List<QueuedDelivery> claimed = new ArrayList<>();
                    Map<Long, String> unusable = new HashMap<>();
                    for (Row row : rows) {
                        try {
                            claimed.add(toQueued(row));
                        } catch (RuntimeException e) {
                            unusable.put(row.getLong("id"), SqlValues.clip("cannot make a mail from this delivery: " + e, 2000));
                        }
                    }
                    claimed.sort(Comparator.comparingLong(QueuedDelivery::id));
                    return setAside(conn, unusable).replaceWith(claimed);
                }));
    }

    /**
     * One bad row fails alone: it leaves the queue with its reason, the rest of the batch goes out. The decision is audited
     * like any other, so the deliveries API and an interview's page show why.
     */
    private static Uni<Void> setAside(SqlConnection conn, Map<Long, String> unusable) {
        if (unusable.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        LOG.errorf("setting aside %d undeliverable deliveries: %s", unusable.size(), unusable);
        List<Tuple> batch = unusable.entrySet().stream().map(e -> Tuple.of(e.getKey(), e.getValue())).toList();
        return conn.preparedQuery("""
                        UPDATE delivery SET status = 'UNDELIVERABLE', lease_until = NULL, lease_token = NULL, last_error = $2 WHERE id = $1""")
                .executeBatch(batch)
                .flatMap(v -> conn.preparedQuery("""
                                INSERT INTO delivery_attempt (delivery_id, event_id, room_id, recipient, method, sequence, outcome, error,
                                                              ics_uid)
                                SELECT id, event_id, room_id, recipient_email, method, sequence, 'UNDELIVERABLE', $2, ics_uid
                                FROM delivery WHERE id = $1""")
                        .executeBatch(batch))
                .replaceWithVoid();
    }

    @Override
    public Uni<Boolean> holdForSending(QueuedDelivery delivery, Duration lease) {
        return pool.preparedQuery("""
                        UPDATE delivery SET lease_until = now() + CAST($3::text AS interval)
                        WHERE id = $1 AND lease_token = $2 AND status IN ('PENDING', 'PARKED')""")
                .execute(Tuple.of(delivery.id(), token(delivery), lease.toMillis() + " milliseconds"))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        LOG.infof("delivery %d: not sending it, another sender claimed it after our lease ran out (or it was settled)",
                                delivery.id());
                        return false;
                    }
                    return true;
                });
    }

    @Override
    public Uni<Void> markSent(QueuedDelivery delivery, Instant at) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        UPDATE delivery SET status = 'SENT', sent_at = $2, attempts = attempts + 1, lease_until = NULL, lease_token = NULL,
                            last_error = NULL
                        WHERE id = $1 AND status <> 'SENT'""")
                .execute(Tuple.of(delivery.id(), ts(at)))
                .flatMap(rows -> rows.rowCount() == 0 ? lostClaim(delivery, "sent")
                        : auditAttempt(conn, delivery, DeliveryOutcome.SENT, null, at)));
    }

    @Override
    public Uni<Void> markFailed(QueuedDelivery delivery, String error, Instant at, Instant nextAttemptAt) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        UPDATE delivery SET status = 'PARKED', attempts = attempts + 1, next_attempt_at = $2, lease_until = NULL,
                            lease_token = NULL, last_error = $3
                        WHERE id = $1 AND lease_token = $4 AND status IN ('PENDING', 'PARKED')""")
                .execute(Tuple.of(delivery.id(), ts(nextAttemptAt), SqlValues.clip(error, 2000), token(delivery)))
                .flatMap(rows -> rows.rowCount() == 0 ? lostClaim(delivery, "failed")
                        : auditAttempt(conn, delivery, DeliveryOutcome.FAILED, error, at)));
    }

    @Override
    public Uni<Void> release(QueuedDelivery delivery) {
        return pool.preparedQuery("""
                        UPDATE delivery SET lease_until = NULL, lease_token = NULL
                        WHERE id = $1 AND lease_token = $2 AND status IN ('PENDING', 'PARKED')""")
                .execute(Tuple.of(delivery.id(), token(delivery))).replaceWithVoid();
    }

    private static Uni<Void> lostClaim(QueuedDelivery delivery, String outcome) {
        LOG.infof("delivery %d: not recording it as %s, it was settled by another sender meanwhile", delivery.id(), outcome);
        return Uni.createFrom().voidItem();
    }

    private static UUID token(QueuedDelivery delivery) {
        return delivery.claim() == null ? null : UUID.fromString(delivery.claim());
    }

    private Uni<Void> auditAttempt(SqlConnection conn, QueuedDelivery delivery, DeliveryOutcome outcome, String error, Instant at) {
        Invitation i = delivery.invitation();
        return conn.preparedQuery("""
                        INSERT INTO delivery_attempt (delivery_id, event_id, room_id, recipient, method, sequence, outcome, error, attempted_at,
                                                      ics_uid)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""")
                .execute(Tuple.from(Arrays.asList(delivery.id(), i.eventId(), i.meeting().roomId(), i.recipient().email(),
                        i.method().name(), i.meeting().sequence(), outcome.name(), SqlValues.clip(error, 2000), ts(at),
                        i.meeting().icsUid())))
                .replaceWithVoid();
    }

    @Override
    public Uni<List<DeliveryAttemptRecord>> forRoom(String roomId) {
        return attempts("", Tuple.of(roomId));
    }

    @Override
    public Uni<List<DeliveryAttemptRecord>> forRoomSeenBy(String roomId, String userId) {
        return attempts(" AND a.ics_uid IN (SELECT p.ics_uid FROM delivery p WHERE p.room_id = $1 "
                + "AND (p.organizer_id = $2 OR p.attendee_id = $2))",
                Tuple.of(roomId, userId));
    }

    /** The room's attempts ({@code $1} = room id) that also meet {@code andWhere}, with their notices. */
    private Uni<List<DeliveryAttemptRecord>> attempts(String andWhere, Tuple parameters) {
        Uni<Map<Long, List<DeliveryAttemptRecord.StatusNotice>>> notices = pool.preparedQuery("""
                        SELECT n.attempt_id, n.status, n.detail, n.occurred_at, n.received_at
                        FROM email_status_notice n JOIN delivery_attempt a ON a.id = n.attempt_id
                        WHERE a.room_id = $1""" + andWhere + " ORDER BY n.id")
                .execute(parameters)
                .map(rows -> {
                    Map<Long, List<DeliveryAttemptRecord.StatusNotice>> byAttempt = new HashMap<>();
                    rows.forEach(row -> byAttempt.computeIfAbsent(row.getLong("attempt_id"), k -> new ArrayList<>())
                            .add(new DeliveryAttemptRecord.StatusNotice(EmailStatus.valueOf(row.getString("status")),
                                    row.getString("detail"), instant(row, "occurred_at"), instant(row, "received_at"))));
                    return byAttempt;
                });
        return notices.flatMap(byAttempt -> pool.preparedQuery("""
                        SELECT a.id, a.delivery_id, a.event_id, a.room_id, a.recipient, a.method, a.sequence, a.outcome, a.error,
                               a.attempted_at, d.message_key, d.status
                        FROM delivery_attempt a LEFT JOIN delivery d ON d.id = a.delivery_id
                        WHERE a.room_id = $1""" + andWhere + " ORDER BY a.id")
                .execute(parameters)
                .map(rows -> {
                    List<DeliveryAttemptRecord> records = new ArrayList<>();
                    rows.forEach(row -> {
                        long id = row.getLong("id");
                        String status = row.getString("status");
                        records.add(new DeliveryAttemptRecord(id, row.getLong("delivery_id"), row.getString("event_id"),
                                row.getString("room_id"), row.getString("recipient"), InviteMethod.valueOf(row.getString("method")),
                                row.getInteger("sequence"), DeliveryOutcome.valueOf(row.getString("outcome")), row.getString("error"),
                                instant(row, "attempted_at"), row.getString("message_key"),
                                status == null ? null : DeliveryStatus.valueOf(status), byAttempt.getOrDefault(id, List.of())));
                    });
                    return records;
                }));
    }


    @Override
    public Uni<Optional<Long>> record(EmailStatusNotice notice, Predicate<ReportedMail> alertOrganizer) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        SELECT a.id AS attempt_id, """ + BounceAlertRows.MAIL_COLUMNS + """
                        FROM delivery d JOIN delivery_attempt a ON a.delivery_id = d.id
                        WHERE d.message_key = $1 AND a.outcome = 'SENT' ORDER BY a.id DESC LIMIT 1""")
                .execute(Tuple.of(notice.messageKey()))
                .flatMap(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Uni.createFrom().item(Optional.<Long>empty());
                    }
                    Row row = it.next();
                    long attemptId = row.getLong("attempt_id");
                    return conn.preparedQuery("""
                                    INSERT INTO email_status_notice (attempt_id, status, detail, occurred_at) VALUES ($1, $2, $3, $4)""")
                            .execute(Tuple.of(attemptId, notice.status().name(), SqlValues.clip(notice.detail(), 2000), ts(notice.occurredAt())))
                            .flatMap(v -> wantsAlert(row, alertOrganizer)
                                    ? BounceAlertRows.plan(conn, row.getLong("delivery_id"), notice) : Uni.createFrom().voidItem())
                            .replaceWith(Optional.of(attemptId));
                }));
    }

    /** A delivery row that cannot be read as a mail costs its alert, not the report (which is recorded all the same). */
    private static boolean wantsAlert(Row row, Predicate<ReportedMail> alertOrganizer) {
        try {
            return alertOrganizer.test(BounceAlertRows.reportedMail(row));
        } catch (RuntimeException e) {
            LOG.warnf("no bounce alert for delivery %d: its row cannot be read as a mail (%s)", row.getLong("delivery_id"), e.toString());
            return false;
        }
    }

    /** The person in the row's {@code <role>_email/_name/_tz} columns; a failure names the column, never the address. */
    private static Person person(Row row, String role) {
        try {
            return new Person(row.getString(role + "_email"), row.getString(role + "_name"), row.getString(role + "_tz"));
        } catch (InvalidRoomChangeException e) {
            throw new InvalidRoomChangeException(role + "_email: " + e.getMessage());
        }
    }

    private static QueuedDelivery toQueued(Row row) {
        Person organizer = person(row, "organizer");
        Person attendee = person(row, "attendee");
        Person recipient = person(row, "recipient");
        Meeting meeting = new Meeting(row.getString("room_id"), row.getString("ics_uid"), row.getInteger("sequence"),
                instant(row, "start_utc"), instant(row, "end_utc"), row.getString("title"), row.getString("room_url"), organizer, attendee,
                InterviewJson.read(row.getJsonObject("interview")));
        Invitation invitation = new Invitation(row.getString("event_id"), InviteMethod.valueOf(row.getString("method")), meeting, recipient);
        return new QueuedDelivery(row.getLong("id"), row.getString("message_key"), row.getInteger("attempts"), invitation,
                row.getString("traceparent"), row.getUUID("lease_token") == null ? null : row.getUUID("lease_token").toString());
    }
}

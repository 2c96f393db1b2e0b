package io.schedulr.notification.adapter.out.persistence;

import io.schedulr.notification.application.port.out.RecordRoomChangePort;
import io.schedulr.notification.application.port.out.ReminderPlanPort;
import io.schedulr.notification.domain.DeliveryOutcome;
import io.schedulr.notification.domain.Invitation;
import io.schedulr.notification.domain.InviteMethod;
import io.schedulr.notification.domain.Meeting;
import io.schedulr.notification.domain.NotificationPlan;
import io.schedulr.notification.domain.RoomNotificationState;
import io.schedulr.notification.domain.RoomSituation;
import io.smallrye.mutiny.Multi;
import io.schedulr.kit.tracing.TraceParents;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static io.schedulr.notification.adapter.out.persistence.SqlValues.ts;

/**
 * One consumed event = one PostgreSQL transaction: consumed_event, room_state (locked), delivery rows and their audit rows,
 * and the session's reminders.
 */
@ApplicationScoped
public class PgRoomChangeStore implements RecordRoomChangePort {
    private final Pool pool;

    public PgRoomChangeStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<NotificationPlan> recordOnce(String eventId, Meeting meeting, InviteMethod method,
                                            Function<RoomSituation, NotificationPlan> planner, Function<ReminderPlanPort, Uni<?>> reminders) {
        String roomId = meeting.roomId();
        String traceparent = TraceParents.current();
        return pool.withTransaction(conn -> lockRoomChanges(conn, roomId).flatMap(locked -> markConsumed(conn, eventId, roomId)).flatMap(isNew -> {
            if (!isNew) {
                return Uni.createFrom().nullItem();
            }
            return lockMeeting(conn, meeting).flatMap(state -> alreadyEmailed(conn, meeting, method)
                            .map(emailed -> planner.apply(new RoomSituation(state, emailed))))
                    .flatMap(plan -> {
                        Uni<Void> work = plan.stale() ? auditSkipped(conn, plan)
                                : queue(conn, plan.invitations(), traceparent).flatMap(v -> leaveToGoogle(conn, plan, traceparent))
                                        .flatMap(v -> auditDuplicates(conn, plan));
                        return work.flatMap(v -> saveState(conn, plan.nextState(), eventId))
                                .flatMap(v -> reminders(conn, reminders)).replaceWith(plan);
                    });
        }));
    }

    /**
     * Room events and mirror failures of one room come from two consumers; this transaction-scoped lock makes their
     * changes of the same room one after the other, also before the room has a room_state row.
     */
    static Uni<Void> lockRoomChanges(SqlConnection conn, String roomId) {
        return conn.preparedQuery("SELECT pg_advisory_xact_lock(hashtext('notification-room:' || $1))")
                .execute(Tuple.of(roomId)).replaceWithVoid();
    }

    /** Who already got, or is due to get, an email for this change (same meeting, sequence and method), from any event. */
    private static Uni<Set<String>> alreadyEmailed(SqlConnection conn, Meeting meeting, InviteMethod method) {
        return conn.preparedQuery("""
                        SELECT DISTINCT recipient_email FROM delivery
                        WHERE room_id = $1 AND ics_uid = $2 AND sequence = $3 AND method = $4 AND status <> 'LEFT_TO_GOOGLE'""")
                .execute(Tuple.of(meeting.roomId(), meeting.icsUid(), meeting.sequence(), method.name()))
                .map(rows -> {
                    Set<String> emailed = new HashSet<>();
                    rows.forEach(row -> emailed.add(row.getString("recipient_email")));
                    return emailed;
                });
    }

    @Override
    public Uni<Void> markConsumed(String eventId, String roomId, Function<ReminderPlanPort, Uni<?>> reminders) {
        return pool.withTransaction(conn -> lockRoomChanges(conn, roomId).flatMap(locked -> markConsumed(conn, eventId, roomId))
                .flatMap(isNew -> isNew ? reminders(conn, reminders) : Uni.createFrom().voidItem()));
    }

    /** The change's effect on the session's reminders, in the event's transaction. */
    static Uni<Void> reminders(SqlConnection conn, Function<ReminderPlanPort, Uni<?>> reminders) {
        return reminders == null ? Uni.createFrom().voidItem() : reminders.apply(PgReminderStore.plans(conn)).replaceWithVoid();
    }

    static Uni<Boolean> markConsumed(SqlConnection conn, String eventId, String roomId) {
        return conn.preparedQuery("INSERT INTO consumed_event (event_id, room_id) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING")
                .execute(Tuple.of(eventId, roomId)).map(rows -> rows.rowCount() == 1);
    }

    /** The state of this meeting of the room (its UID): another UID of the room is another meeting with its own order. */
    private Uni<RoomNotificationState> lockMeeting(SqlConnection conn, Meeting meeting) {
        String roomId = meeting.roomId();
        return conn.preparedQuery("SELECT last_sequence, cancelled FROM room_state WHERE room_id = $1 AND ics_uid = $2 FOR UPDATE")
                .execute(Tuple.of(roomId, meeting.icsUid())).map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    Row row = it.next();
                    return new RoomNotificationState(roomId, meeting.icsUid(), row.getInteger("last_sequence"), row.getBoolean("cancelled"));
                });
    }

    private Uni<Void> saveState(SqlConnection conn, RoomNotificationState state, String eventId) {
        return conn.preparedQuery("""
                        INSERT INTO room_state (room_id, ics_uid, last_sequence, cancelled, last_event_id) VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (room_id, ics_uid) DO UPDATE SET last_sequence = EXCLUDED.last_sequence, cancelled = EXCLUDED.cancelled,
                            last_event_id = EXCLUDED.last_event_id, updated_at = now()""")
                .execute(Tuple.of(state.roomId(), state.icsUid(), state.lastSequence(), state.cancelled(), eventId)).replaceWithVoid();
    }

    /**
     * Queues each invitation (PENDING, with its QUEUED audit row), superseding older unsent ones of its meeting to the same
     * person; each row keeps {@code traceparent}, the trace of the event that asked for it, for the SMTP send to continue.
     */
    static Uni<Void> queue(SqlConnection conn, java.util.List<Invitation> invitations, String traceparent) {
        return Multi.createFrom().iterable(invitations)
                .onItem().transformToUniAndConcatenate(invitation -> supersedeOlder(conn, invitation)
                        .flatMap(v -> insert(conn, invitation, "PENDING", DeliveryOutcome.QUEUED, null, traceparent)))
                .collect().last().replaceWithVoid();
    }

    /** A delivery row that never goes out, so the room's deliveries show why nobody was emailed (and who may read them). */
    private Uni<Void> leaveToGoogle(SqlConnection conn, NotificationPlan plan, String traceparent) {
        return Multi.createFrom().iterable(plan.leftToGoogle())
                .onItem().transformToUniAndConcatenate(invitation -> insert(conn, invitation, "LEFT_TO_GOOGLE", DeliveryOutcome.LEFT_TO_GOOGLE,
                        "not emailed: calendar-sync-service puts the room on the host's Google calendar, so Google invites "
                                + (invitation.toOrganizer() ? "the host (event on their calendar)" : "the guest (sendUpdates=all)")
                                + "; if it cannot, it says so and we email",
                        traceparent))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> auditDuplicates(SqlConnection conn, NotificationPlan plan) {
        return Multi.createFrom().iterable(plan.duplicates())
                .onItem().transformToUniAndConcatenate(i -> audit(conn, null, i.eventId(), i.meeting(), i.recipient().email(),
                        i.method().name(), i.meeting().sequence(), DeliveryOutcome.SKIPPED_DUPLICATE,
                        "already emailed (or due to be) for this change: " + i.method() + " at sequence " + i.meeting().sequence()))
                .collect().last().replaceWithVoid();
    }

    /**
     * Older unsent deliveries of the meeting (room and UID) to the same person are replaced by this newer one (not if one
     * is being sent now). A later meeting of the room (new UID after a release) replaces nothing: the CANCEL of the
     * released one still goes out, before it.
     */
    private static Uni<Void> supersedeOlder(SqlConnection conn, Invitation invitation) {
        return conn.preparedQuery("""
                        UPDATE delivery SET status = 'SUPERSEDED', lease_until = NULL
                        WHERE room_id = $1 AND ics_uid = $3 AND recipient_email = $2 AND status IN ('PENDING', 'PARKED')
                          AND (lease_until IS NULL OR lease_until < now())
                        RETURNING id, event_id, recipient_email, method, sequence""")
                .execute(Tuple.of(invitation.meeting().roomId(), invitation.recipient().email(), invitation.meeting().icsUid()))
                .flatMap(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(row -> audit(conn, row.getLong("id"), row.getString("event_id"),
                                invitation.meeting(), row.getString("recipient_email"), row.getString("method"),
                                row.getInteger("sequence"), DeliveryOutcome.SUPERSEDED,
                                "replaced by event " + invitation.eventId() + " (sequence " + invitation.meeting().sequence() + ")"))
                        .collect().last().replaceWithVoid());
    }

    private static Uni<Void> insert(SqlConnection conn, Invitation invitation, String status, DeliveryOutcome outcome, String note,
                                    String traceparent) {
        Meeting m = invitation.meeting();
        Tuple values = Tuple.from(Arrays.asList(invitation.eventId(), m.roomId(), invitation.method().name(), m.sequence(), m.icsUid(),
                m.title(), ts(m.start()), ts(m.end()), m.roomUrl(),
                m.organizer().email(), m.organizer().name(), m.organizer().timeZone(),
                m.attendee().email(), m.attendee().name(), m.attendee().timeZone(),
                invitation.recipient().email(), invitation.recipient().name(), invitation.recipient().timeZone(),
                messageKey(invitation), m.organizer().id(), m.attendee().id(), status, InterviewJson.of(m.interview()), traceparent));
        return conn.preparedQuery("""
                        INSERT INTO delivery (event_id, room_id, method, sequence, ics_uid, title, start_utc, end_utc, room_url,
                            organizer_email, organizer_name, organizer_tz, attendee_email, attendee_name, attendee_tz,
                            recipient_email, recipient_name, recipient_tz, message_key, organizer_id, attendee_id, status, interview, traceparent)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
                            $22, $23, $24)
                        ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING
                        RETURNING id""")
                .execute(values)
                .flatMap(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Uni.createFrom().voidItem();
                    }
                    return audit(conn, it.next().getLong("id"), invitation.eventId(), m, invitation.recipient().email(),
                            invitation.method().name(), m.sequence(), outcome, note);
                });
    }

    private Uni<Void> auditSkipped(SqlConnection conn, NotificationPlan plan) {
        return Multi.createFrom().iterable(plan.skipped())
                .onItem().transformToUniAndConcatenate(i -> audit(conn, null, i.eventId(), i.meeting(), i.recipient().email(),
                        i.method().name(), i.meeting().sequence(), DeliveryOutcome.SKIPPED_STALE, plan.staleReason()))
                .collect().last().replaceWithVoid();
    }

    static Uni<Void> audit(SqlConnection conn, Long deliveryId, String eventId, Meeting meeting, String recipient, String method,
                           int sequence, DeliveryOutcome outcome, String error) {
        return conn.preparedQuery("""
                        INSERT INTO delivery_attempt (delivery_id, event_id, room_id, recipient, method, sequence, outcome, error, ics_uid)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
                .execute(Tuple.from(Arrays.asList(deliveryId, eventId, meeting.roomId(), recipient, method, sequence, outcome.name(),
                        SqlValues.clip(error, 2000), meeting.icsUid())))
                .replaceWithVoid();
    }

    /** Stable for (event, recipient): a resend after a crash carries the same Message-ID. */
    static String messageKey(Invitation invitation) {
        String name = invitation.eventId() + "\n" + invitation.recipient().email();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}

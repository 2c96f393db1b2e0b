package io.schedulr.notification.adapter.out.persistence;

import io.schedulr.events.ParticipantRules;
import io.schedulr.notification.application.port.out.RecordInterviewChangePort;
import io.schedulr.notification.application.port.out.ReminderPlanPort;
import io.schedulr.notification.domain.DeliveryOutcome;
import io.schedulr.notification.domain.InterviewNotificationState;
import io.schedulr.notification.domain.InterviewPlan;
import io.schedulr.notification.domain.Invitation;
import io.schedulr.notification.domain.Meeting;
import io.smallrye.mutiny.Multi;
import io.schedulr.kit.tracing.TraceParents;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One consumed interview event = one PostgreSQL transaction: consumed_event, interview_state (locked), and delivery rows
 * with their audit rows in the same queue as rooms' (filed under {@code room_id = interview:<id>}), and the interview's
 * reminders.
 */
@ApplicationScoped
public class PgInterviewChangeStore implements RecordInterviewChangePort {
    private final Pool pool;

    public PgInterviewChangeStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<InterviewPlan> recordOnce(String eventId, Meeting meeting, List<String> unusable,
                                         Function<InterviewNotificationState, InterviewPlan> planner,
                                         Function<ReminderPlanPort, Uni<?>> reminders) {
        String key = meeting.roomId();
        String interviewId = meeting.interview().interviewId();
        String traceparent = TraceParents.current();
        return pool.withTransaction(conn -> PgRoomChangeStore.lockRoomChanges(conn, key)
                .flatMap(locked -> PgRoomChangeStore.markConsumed(conn, eventId, key)).flatMap(isNew -> {
                    if (!isNew) {
                        return Uni.createFrom().nullItem();
                    }
                    return lockState(conn, interviewId).map(planner).flatMap(plan -> {
                        Uni<Void> work = plan.stale() ? auditAll(conn, plan.skipped(), DeliveryOutcome.SKIPPED_STALE, plan.staleReason())
                                : PgRoomChangeStore.queue(conn, plan.invitations(), traceparent).flatMap(v -> auditUnusable(conn, eventId, meeting, unusable))
                                        .flatMap(v -> auditAll(conn, plan.skipped(), DeliveryOutcome.SKIPPED_NOTHING_NEW, InterviewPlan.NOTHING_NEW))
                                        .flatMap(v -> saveState(conn, plan.nextState(), meeting, eventId));
                        return work.flatMap(v -> PgRoomChangeStore.reminders(conn, reminders)).replaceWith(plan);
                    });
                }));
    }

    private static Uni<InterviewNotificationState> lockState(SqlConnection conn, String interviewId) {
        return conn.preparedQuery("SELECT last_sequence, cancelled, told_start, told_end, told_join_link, told_tentative, told_people "
                        + "FROM interview_state "
                        + "WHERE interview_id = $1 FOR UPDATE")
                .execute(Tuple.of(interviewId)).map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    var row = it.next();
                    return new InterviewNotificationState(interviewId, row.getInteger("last_sequence"), row.getBoolean("cancelled"),
                            instant(row.getOffsetDateTime("told_start")), instant(row.getOffsetDateTime("told_end")),
                            row.getString("told_join_link"), row.getBoolean("told_tentative"),
                            InterviewJson.readPeople((JsonArray) row.getValue("told_people")));
                });
    }

    private static Uni<Void> saveState(SqlConnection conn, InterviewNotificationState state, Meeting meeting, String eventId) {
        return conn.preparedQuery("""
                        INSERT INTO interview_state (interview_id, ics_uid, last_sequence, cancelled, last_event_id, told_start, told_end,
                            told_join_link, told_tentative, told_people) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                        ON CONFLICT (interview_id) DO UPDATE SET ics_uid = EXCLUDED.ics_uid, last_sequence = EXCLUDED.last_sequence,
                            cancelled = EXCLUDED.cancelled, last_event_id = EXCLUDED.last_event_id, told_start = EXCLUDED.told_start,
                            told_end = EXCLUDED.told_end, told_join_link = EXCLUDED.told_join_link,
                            told_tentative = EXCLUDED.told_tentative, told_people = EXCLUDED.told_people, updated_at = now()""")
                .execute(Tuple.from(Arrays.asList(state.interviewId(), meeting.icsUid(), state.lastSequence(), state.cancelled(),
                        eventId, offset(state.toldStart()), offset(state.toldEnd()), state.toldJoinLink(),
                        state.toldTentative(), InterviewJson.ofPeople(state.toldPeople()))))
                .replaceWithVoid();
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime offset(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Uni<Void> auditAll(SqlConnection conn, List<Invitation> invitations, DeliveryOutcome outcome, String note) {
        return Multi.createFrom().iterable(invitations)
                .onItem().transformToUniAndConcatenate(i -> PgRoomChangeStore.audit(conn, null, i.eventId(), i.meeting(),
                        i.recipient().email(), i.method().name(), i.meeting().sequence(), outcome, note))
                .collect().last().replaceWithVoid();
    }

    /** A person whose address cannot be mailed: an audit row says so; the others' invitations are queued all the same. */
    private static Uni<Void> auditUnusable(SqlConnection conn, String eventId, Meeting meeting, List<String> unusable) {
        return Multi.createFrom().iterable(unusable)
                .onItem().transformToUniAndConcatenate(address -> PgRoomChangeStore.audit(conn, null, eventId, meeting,
                        SqlValues.clip(String.valueOf(ParticipantRules.cleanName(address)), 320),
                        meeting.interview().change().method().name(), meeting.sequence(), DeliveryOutcome.UNDELIVERABLE,
                        "not an address mail can be sent to; the interview's other people are invited all the same"))
                .collect().last().replaceWithVoid();
    }
}

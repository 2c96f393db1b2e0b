package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.out.ReminderPlanPort;
import io.schedulr.notification.domain.ReminderPlanner;
import io.schedulr.notification.domain.ReminderSession;
import io.schedulr.notification.domain.SessionParticipant;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Keeps each session's pending reminders in step with what we know, inside the unit of work of the change that told us:
 * a booking, reschedule or confirmation re-plans them (pending ones are replaced; one already sent or skipped for the same
 * moment is not planned again; one whose moment had passed when the change happened is not planned), a cancellation cancels
 * them, and a change older than the last one applied (lower SEQUENCE) changes nothing.
 */
public class ReminderPlanning {
    /** What re-planning did, for the caller's log line. */
    public enum Result {
        PLANNED,
        CANCELLED,
        STALE,
        UNKNOWN_SESSION
    }

    private final Clock clock;

    public ReminderPlanning(Clock clock) {
        this.clock = clock;
    }

    /**
     * The session was booked, moved or confirmed (its state after the change).
     *
     * @param changedAt when the change happened (its event's time), so a change that reached us late still plans the
     *                  reminders whose moment passed while it was on its way
     */
    public Uni<Result> scheduled(ReminderPlanPort plan, ReminderSession session, Instant changedAt) {
        return plan.lockSession(session.key()).flatMap(state -> {
            if (state.isPresent() && state.get().staleRequest(session.icsUid(), session.sequence())) {
                return Uni.createFrom().item(Result.STALE);
            }
            return replan(plan, session, changedAt, true).replaceWith(Result.PLANNED);
        });
    }

    /** The session was cancelled (or awaits a new time): its pending reminders are cancelled. */
    public Uni<Result> cancelled(ReminderPlanPort plan, String key, String icsUid, int sequence, String reason) {
        return plan.lockSession(key).flatMap(state -> {
            if (state.isEmpty()) {
                return Uni.createFrom().item(Result.UNKNOWN_SESSION);
            }
            if (state.get().staleCancel(icsUid, sequence)) {
                return Uni.createFrom().item(Result.STALE);
            }
            return plan.markCancelled(key, sequence).flatMap(v -> plan.cancelPending(key, reason)).replaceWith(Result.CANCELLED);
        });
    }

    /**
     * Re-plans a session already locked in this unit of work, after a change that happened at {@code changedAt}. The people
     * who chose a zone get it in the stored session ({@link ReminderSession#inChosenZones}): stored when {@code store} says
     * so (the session itself changed) or when a zone differs.
     */
    Uni<Void> replan(ReminderPlanPort plan, ReminderSession session, Instant changedAt, boolean store) {
        List<String> userIds = session.people().stream().map(SessionParticipant::person).map(p -> p.id()).filter(Objects::nonNull)
                .distinct().toList();
        return plan.preferences(userIds).flatMap(preferences -> {
            ReminderSession zoned = session.inChosenZones(preferences);
            Uni<Void> stored = store || zoned != session ? plan.saveSession(zoned) : Uni.createFrom().voidItem();
            return stored.flatMap(v -> plan.finished(zoned.key(), zoned.icsUid()))
                    .flatMap(finished -> plan.replacePending(zoned,
                            ReminderPlanner.plan(zoned, preferences::get, finished, changedAt, clock.instant())));
        });
    }

    /**
     * Re-plans each of these sessions (already locked), one after the other, as of now: a preference change plans no reminder
     * whose moment has passed.
     */
    Uni<Integer> replanAll(ReminderPlanPort plan, List<ReminderSession> sessions) {
        if (sessions.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(sessions)
                .onItem().transformToUniAndConcatenate(s -> replan(plan, s, null, false))
                .collect().last().replaceWith(sessions.size());
    }

    Clock clock() {
        return clock;
    }
}

package io.schedulr.notification.application.port.out;

import io.schedulr.notification.domain.ReminderPlan;
import io.schedulr.notification.domain.ReminderPreference;
import io.schedulr.notification.domain.ReminderSession;
import io.schedulr.notification.domain.ReminderSlot;
import io.schedulr.notification.domain.SessionState;
import io.smallrye.mutiny.Uni;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reminder plan of sessions, read and changed inside the caller's unit of work (the transaction of the room or interview
 * event, or of a preference change), so a change and its reminders are stored together or not at all.
 */
public interface ReminderPlanPort {

    /** The session's state, locked until the unit of work ends; empty when reminders never heard of it. */
    Uni<Optional<SessionState>> lockSession(String key);

    /** Stores the session as it stands after a change (not cancelled). */
    Uni<Void> saveSession(ReminderSession session);

    /** Marks the session cancelled at this SEQUENCE. */
    Uni<Void> markCancelled(String key, int sequence);

    /** Stored preferences of these people; people without one are missing from the map. */
    Uni<Map<String, ReminderPreference>> preferences(Collection<String> userIds);

    /** {@link ReminderSlot#identity()} of the meeting's reminders already sent or skipped. */
    Uni<Set<String>> finished(String key, String icsUid);

    /**
     * Brings the session's pending reminders in line with the plan: a pending one the plan does not want (or of another UID)
     * is cancelled; each of {@link ReminderPlan#toPlan()} becomes pending (one cancelled before is pending again; one pending
     * or being sent right now is left as it is).
     */
    Uni<Void> replacePending(ReminderSession session, ReminderPlan plan);

    /** Every pending reminder of the session becomes CANCELLED, each with a CANCELLED audit row giving the reason. */
    Uni<Integer> cancelPending(String key, String reason);

    /** Stores (replaces) a person's preference; null removes it (the defaults apply again). */
    Uni<Void> savePreference(String userId, ReminderPreference preference);

    /** Sessions not cancelled that start after {@code now} and name this person (by user id), locked, in key order. */
    Uni<List<ReminderSession>> lockUpcomingSessionsOf(String userId, java.time.Instant now);
}

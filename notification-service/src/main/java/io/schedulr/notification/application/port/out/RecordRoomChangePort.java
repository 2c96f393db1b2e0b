package io.schedulr.notification.application.port.out;

import io.schedulr.notification.domain.InviteMethod;
import io.schedulr.notification.domain.Meeting;
import io.schedulr.notification.domain.NotificationPlan;
import io.schedulr.notification.domain.RoomSituation;
import io.smallrye.mutiny.Uni;

import java.util.function.Function;

/**
 * Unit of work for one consumed event: in one transaction, mark the event consumed, lock the room (its state, and
 * against the other consumer of the same room), read the host's calendar connection and who was already emailed for
 * this change, let the planner decide, queue the planned deliveries (superseding older unsent ones of the room to the
 * same person), record those left to Google, audit stale and duplicate decisions and store the room's new state — and,
 * in the same transaction, the change's effect on the session's reminders.
 */
public interface RecordRoomChangePort {

    /**
     * @param meeting the meeting after the change (room, sequence, host id)
     * @param method  the change's method; with the meeting's room and sequence it identifies the change
     * @param planner called with the room's locked situation, inside the transaction
     * @param reminders called with the reminder plan inside the same transaction (only for an event not consumed before);
     *                  null when the change does not touch reminders
     * @return the plan applied, or null when the event id was already consumed
     */
    Uni<NotificationPlan> recordOnce(String eventId, Meeting meeting, InviteMethod method, Function<RoomSituation, NotificationPlan> planner,
                                     Function<ReminderPlanPort, Uni<?>> reminders);

    /**
     * Marks an event consumed that causes no mail, so a replay is recognised too.
     *
     * @param reminders as for {@link #recordOnce}; may be null
     */
    Uni<Void> markConsumed(String eventId, String roomId, Function<ReminderPlanPort, Uni<?>> reminders);
}

package io.schedulr.notification.application.port.out;

import io.schedulr.notification.domain.NotificationPlan;
import io.schedulr.notification.domain.RoomNotificationState;
import io.smallrye.mutiny.Uni;

import java.util.function.Function;

/**
 * Unit of work for one consumed event: in one transaction, mark the event consumed, lock the room's state,
 * let the planner decide, queue the planned deliveries (superseding older unsent ones of the room to the same person),
 * audit stale decisions and store the room's new state.
 */
public interface RecordRoomChangePort {

    /**
     * @param planner called with the room's locked state (null when the room is new), inside the transaction
     * @return the plan applied, or null when the event id was already consumed
     */
    Uni<NotificationPlan> recordOnce(String eventId, String roomId, Function<RoomNotificationState, NotificationPlan> planner);

    /** Marks an event consumed that causes no mail, so a replay is recognised too. */
    Uni<Void> markConsumed(String eventId, String roomId);
}

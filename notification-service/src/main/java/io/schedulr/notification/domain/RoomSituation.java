package io.schedulr.notification.domain;

import java.util.Set;

/**
 * What the planner needs to know about a room beyond the change itself, read (and locked) in the change's transaction.
 *
 * @param state                 what this service last told people about the room, or null if nothing yet
 * @param hostCalendarConnected whether the latest calendar connection event for the host's user id says connected
 *                              (then calendar-sync-service writes the room onto the host's Google calendar and Google
 *                              invites the guest)
 * @param alreadyEmailed        addresses that already got, or are due to get, an email for this very change (same room,
 *                              sequence and method), whichever event queued it
 */
public record RoomSituation(RoomNotificationState state, boolean hostCalendarConnected, Set<String> alreadyEmailed) {
    public RoomSituation {
        alreadyEmailed = alreadyEmailed == null ? Set.of() : Set.copyOf(alreadyEmailed);
    }

    /** A room nobody was told about yet, whose host has no connected calendar. */
    public static RoomSituation of(RoomNotificationState state) {
        return new RoomSituation(state, false, Set.of());
    }
}

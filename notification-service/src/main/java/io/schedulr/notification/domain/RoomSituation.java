package io.schedulr.notification.domain;

import java.util.Set;

/**
 * What the planner needs to know about a room beyond the change itself, read (and locked) in the change's transaction.
 *
 * @param state          what this service last told people about the room, or null if nothing yet
 * @param alreadyEmailed addresses that already got, or are due to get, an email for this very change (same room,
 *                       sequence and method), whichever event queued it
 */
public record RoomSituation(RoomNotificationState state, Set<String> alreadyEmailed) {
    public RoomSituation {
        alreadyEmailed = alreadyEmailed == null ? Set.of() : Set.copyOf(alreadyEmailed);
    }

    /** A change nobody was emailed for yet. */
    public static RoomSituation of(RoomNotificationState state) {
        return new RoomSituation(state, Set.of());
    }
}

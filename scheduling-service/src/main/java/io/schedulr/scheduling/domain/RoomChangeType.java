package io.schedulr.scheduling.domain;

/** What happened to a room, as published to other services. */
public enum RoomChangeType {
    CREATED,
    /** Anything that does not change an invitation: privacy, stage, or the time of an unbooked room. */
    UPDATED,
    BOOKED,
    /** The time of a booked room moved: invitations are updated. */
    RESCHEDULED,
    /** A booked room was deleted: invitations are cancelled. */
    CANCELLED,
    /**
     * The guest left a booked room: announced as the booking as it ends (its UID, a higher SEQUENCE, the guest), so the
     * guest's invitation is cancelled; the room is open again under a new UID.
     */
    RELEASED,
    /** An unbooked room was deleted: nobody had an invitation. */
    DELETED
}

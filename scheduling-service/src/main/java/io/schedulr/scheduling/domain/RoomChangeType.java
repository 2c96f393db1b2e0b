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
    /** An unbooked room was deleted: nobody had an invitation. */
    DELETED
}

package io.schedulr.calendarsync.domain;

/** The room changes that reach the host's Google Calendar. */
public enum RoomChangeKind {
    BOOKED,
    RESCHEDULED,
    CANCELLED,
    /** The guest left: the meeting's event goes; a later booking of the room is a new meeting (a new invitation UID). */
    RELEASED;

    /** Whether the meeting's event goes away with this change. */
    public boolean ends() {
        return this == CANCELLED || this == RELEASED;
    }
}

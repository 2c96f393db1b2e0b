package io.schedulr.calendarsync.domain;

/** The room changes that reach the host's Google Calendar. */
public enum RoomChangeKind {
    BOOKED,
    RESCHEDULED,
    CANCELLED
}

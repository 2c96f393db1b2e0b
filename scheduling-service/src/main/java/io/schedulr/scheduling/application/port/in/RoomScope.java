package io.schedulr.scheduling.application.port.in;

/** Which rooms a listing shows: rooms others offer that can still be booked, or my own — still to come, or over. */
public enum RoomScope {
    /** Others' unbooked rooms I may book, soonest first. */
    OPEN,
    /** Rooms I host or booked that have not ended, soonest first. */
    MINE,
    /** Rooms I host or booked that have ended, the latest first. */
    PAST
}

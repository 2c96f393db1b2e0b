package io.schedulr.scheduling.application.port.in;

/** Which rooms a listing shows: rooms others offer that can still be booked, or my own. */
public enum RoomScope {
    OPEN,
    MINE
}

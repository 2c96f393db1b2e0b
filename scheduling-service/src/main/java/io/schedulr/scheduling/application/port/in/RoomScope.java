package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.InvalidRequestException;

/** Which rooms a listing shows: rooms others offer that can still be booked, or my own. */
public enum RoomScope {
    OPEN,
    MINE;

    public static RoomScope parse(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("open")) {
            return OPEN;
        }
        if (value.equalsIgnoreCase("mine")) {
            return MINE;
        }
        throw new InvalidRequestException("invalid_scope", "'scope' is 'open' or 'mine'; got '" + value + "'.");
    }
}

package io.schedulr.scheduling.domain;

import java.util.UUID;

/** Someone else booked the room first; a booking never overwrites a guest. */
public class RoomAlreadyBookedException extends DomainException {
    public RoomAlreadyBookedException(UUID roomId) {
        super("room_already_booked", "Practice room " + roomId + " is already booked.");
    }
}

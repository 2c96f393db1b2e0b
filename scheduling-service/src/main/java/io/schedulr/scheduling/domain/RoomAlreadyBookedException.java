package io.schedulr.scheduling.domain;

/** Someone else booked the room first; a booking never overwrites a guest. */
public class RoomAlreadyBookedException extends DomainException {
    public RoomAlreadyBookedException(RoomId roomId) {
        super("room_already_booked", "Practice room " + roomId + " is already booked.");
    }
}

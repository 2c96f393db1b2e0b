package io.schedulr.scheduling.domain;

public class RoomNotFoundException extends DomainException {
    public RoomNotFoundException(RoomId roomId) {
        super("room_not_found", "No practice room " + roomId + ".");
    }
}

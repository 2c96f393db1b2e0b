package io.schedulr.scheduling.domain;

import java.util.UUID;

public class RoomNotFoundException extends DomainException {
    public RoomNotFoundException(UUID roomId) {
        super("room_not_found", "No practice room " + roomId + ".");
    }
}

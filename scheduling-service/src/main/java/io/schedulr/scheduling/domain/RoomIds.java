package io.schedulr.scheduling.domain;

import java.util.UUID;

/** Room ids are UUIDs; anything else is a client error, not a lookup. */
public final class RoomIds {
    private RoomIds() {
    }

    public static UUID parse(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("invalid_room_id", "'roomId' is required.");
        }
        try {
            UUID id = UUID.fromString(value.trim());
            if (!id.toString().equalsIgnoreCase(value.trim())) {
                throw new IllegalArgumentException();
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_room_id", "'" + value + "' is not a room id (a UUID).");
        }
    }
}

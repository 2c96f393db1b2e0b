package io.schedulr.scheduling.domain;

import java.util.UUID;

/** Room ids are UUIDs; anything else is a client error, not a lookup. */
public final class RoomIds {
    private RoomIds() {
    }

    public static UUID parse(String value) {
        return parse(value, "room");
    }

    /** Parses any of our UUID ids; {@code kind} names it in the error ("room", "slot"). */
    public static UUID parse(String value, String kind) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("invalid_" + kind + "_id", "'" + kind + "Id' is required.");
        }
        try {
            UUID id = UUID.fromString(value.trim());
            if (!id.toString().equalsIgnoreCase(value.trim())) {
                throw new IllegalArgumentException();
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_" + kind + "_id", "'" + value + "' is not a " + kind + " id (a UUID).");
        }
    }
}

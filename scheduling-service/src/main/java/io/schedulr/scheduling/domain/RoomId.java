package io.schedulr.scheduling.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of a practice room. */
public record RoomId(UUID value) {
    public RoomId {
        Objects.requireNonNull(value, "room id");
    }

    public static RoomId random() {
        return new RoomId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

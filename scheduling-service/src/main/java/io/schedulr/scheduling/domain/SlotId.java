package io.schedulr.scheduling.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of an availability slot. */
public record SlotId(UUID value) {
    public SlotId {
        Objects.requireNonNull(value, "slot id");
    }

    public static SlotId random() {
        return new SlotId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

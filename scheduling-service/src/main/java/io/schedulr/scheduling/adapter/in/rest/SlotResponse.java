package io.schedulr.scheduling.adapter.in.rest;

import io.schedulr.scheduling.domain.Slot;

import java.time.Instant;

public record SlotResponse(String id, String hostId, Instant startTs, Instant endTs, String status, String roomId,
                           Instant createdAt, Instant updatedAt) {
    static SlotResponse of(Slot s) {
        return new SlotResponse(s.id().toString(), s.hostId(), s.window().start(), s.window().end(), s.status().label(),
                s.roomId() == null ? null : s.roomId().toString(), s.createdAt(), s.updatedAt());
    }
}

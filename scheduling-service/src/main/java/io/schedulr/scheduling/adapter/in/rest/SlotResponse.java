package io.schedulr.scheduling.adapter.in.rest;

import io.schedulr.scheduling.domain.Slot;

import java.time.Instant;
import java.util.Locale;

public record SlotResponse(String id, String hostId, Instant startTs, Instant endTs, String status, String roomId,
                           Instant createdAt, Instant updatedAt) {
    static SlotResponse of(Slot s) {
        return new SlotResponse(s.id().toString(), s.hostId(), s.startTs(), s.endTs(), s.status().name().toLowerCase(Locale.ROOT),
                s.roomId() == null ? null : s.roomId().toString(), s.createdAt(), s.updatedAt());
    }
}

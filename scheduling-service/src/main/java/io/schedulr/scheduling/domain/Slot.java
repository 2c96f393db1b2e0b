package io.schedulr.scheduling.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Time a host offers. Publishing a slot creates nothing else; booking it creates the practice room.
 *
 * @param roomId set exactly when the slot is booked
 */
public record Slot(UUID id, String hostId, Instant startTs, Instant endTs, SlotStatus status, UUID roomId, Instant createdAt,
                   Instant updatedAt) {

    public boolean isHost(String userId) {
        return hostId.equals(userId);
    }
}

package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotStatus;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public interface SlotStorePort {
    /** Inserts all or none; an overlap with another open/booked slot of the host fails with a 409-kind error. */
    Uni<List<Slot>> insertAll(List<Slot> slots);

    /** Reads the slot and locks its row until the transaction ends; null if absent. */
    Uni<Slot> lockForUpdate(UUID slotId);

    Uni<Slot> markBooked(UUID slotId, UUID roomId);

    Uni<Slot> markCancelled(UUID slotId);

    /** Cancels the slot a room came from, if any (the room is being deleted). */
    Uni<Void> cancelSlotOfRoom(UUID roomId);

    /** Open future slots of everyone but {@code viewerId}, by start. */
    Uni<List<Slot>> listOpen(String viewerId, Instant from, Instant to, int limit, int offset);

    /** A host's own slots, optionally of one status, by start. */
    Uni<List<Slot>> listOf(String hostId, SlotStatus status, Instant from, Instant to, int limit, int offset);
}

package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotStatus;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;

public interface ListSlotsPort {
    /**
     * Open slots of everyone but {@code viewerId} starting in [from, to), by start; {@code to} null for no bound. Slots whose
     * host has a booked session at an overlapping time are left out: the host's clash check would refuse every guest.
     */
    Uni<List<Slot>> listOpen(String viewerId, Instant from, Instant to, int limit, int offset);

    /** A host's own slots, optionally of one status, by start; null bounds for none. */
    Uni<List<Slot>> listOf(String hostId, SlotStatus status, Instant from, Instant to, int limit, int offset);
}

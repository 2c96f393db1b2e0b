package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotConflictException;
import io.smallrye.mutiny.Uni;

import java.util.List;

/** Stores slots; like rooms, updates check the version the slot was read at. */
public interface SaveSlotPort {
    /** Inserts all or none; fails with {@link SlotConflictException} if one overlaps another open slot of the host. */
    Uni<List<Slot>> insertAll(List<Slot> slots);

    /** @return the slot as stored, at its new version */
    Uni<Slot> update(Slot changed);
}

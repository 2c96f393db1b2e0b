package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.CancelSlotUseCase;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.LoadRoomPort;
import io.schedulr.scheduling.application.port.out.LoadSlotPort;
import io.schedulr.scheduling.application.port.out.SaveSlotPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotId;
import io.schedulr.scheduling.domain.SlotNotFoundException;
import io.schedulr.scheduling.domain.SlotStatus;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Instant;

/** The host withdraws a slot. A booked slot takes its room with it, through the same cancellation as Phase 1. */
public class CancelSlotService implements CancelSlotUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final LoadSlotPort loadSlots;
    private final SaveSlotPort saveSlots;
    private final LoadRoomPort loadRooms;
    private final RoomDeletion deletion;
    private final AuditTrailPort audit;
    private final Clock clock;

    public CancelSlotService(UnitOfWork tx, UserDirectoryPort users, LoadSlotPort loadSlots, SaveSlotPort saveSlots, LoadRoomPort loadRooms,
                             RoomDeletion deletion, AuditTrailPort audit, Clock clock) {
        this.tx = tx;
        this.users = users;
        this.loadSlots = loadSlots;
        this.saveSlots = saveSlots;
        this.loadRooms = loadRooms;
        this.deletion = deletion;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Uni<Slot> cancel(UserProfile host, SlotId slotId) {
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            return users.upsert(host)
                    .chain(() -> loadSlots.load(slotId))
                    .map(found -> found.orElseThrow(() -> new SlotNotFoundException(slotId)))
                    .chain(slot -> {
                        Slot cancelled = slot.cancel(host.id(), now);
                        // The room goes first; deleting it releases this slot through the same path as a room deletion.
                        Uni<Slot> stored = slot.status() == SlotStatus.BOOKED
                                ? Rooms.existing(loadRooms, slot.roomId())
                                        .chain(room -> deletion.delete(host.id(), room, now))
                                        .chain(() -> loadSlots.load(slotId)).map(s -> s.orElseThrow())
                                : saveSlots.update(cancelled);
                        return stored.call(after -> audit.recordSlot(host.id(), "slot.cancelled", slot, after));
                    });
        });
    }
}

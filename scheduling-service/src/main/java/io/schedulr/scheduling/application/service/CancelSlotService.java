package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.SlotUseCases;
import io.schedulr.scheduling.application.port.out.AppendOutboxPort;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.LoadRoomPort;
import io.schedulr.scheduling.application.port.out.SaveRoomPort;
import io.schedulr.scheduling.application.port.out.SlotStorePort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.ForbiddenActionException;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotConflictException;
import io.schedulr.scheduling.domain.SlotNotFoundException;
import io.schedulr.scheduling.domain.SlotStatus;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The host withdraws a slot. A booked slot takes its room with it, through the same cancellation as Phase 1. */
public class CancelSlotService implements SlotUseCases.CancelSlot {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final SlotStorePort slots;
    private final LoadRoomPort loadRooms;
    private final AuditTrailPort audit;
    private final RoomDeletion deletion;
    private final Clock clock;

    public CancelSlotService(UnitOfWork tx, UserDirectoryPort users, SlotStorePort slots, LoadRoomPort loadRooms, SaveRoomPort saveRooms,
                             AppendOutboxPort outbox, AuditTrailPort audit, Clock clock) {
        this.tx = tx;
        this.users = users;
        this.slots = slots;
        this.loadRooms = loadRooms;
        this.audit = audit;
        this.deletion = new RoomDeletion(new RoomEventPublisher(users, outbox, audit), saveRooms, slots);
        this.clock = clock;
    }

    @Override
    public Uni<Slot> cancel(UserProfile host, UUID slotId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return tx.inTransaction(() -> users.upsert(host)
                .chain(() -> slots.lockForUpdate(slotId))
                .onItem().ifNull().failWith(() -> new SlotNotFoundException(slotId))
                .chain(slot -> {
                    if (!slot.isHost(host.id())) {
                        throw new ForbiddenActionException("not_slot_host", "Only the host can cancel a slot.");
                    }
                    if (slot.status() == SlotStatus.CANCELLED) {
                        throw new SlotConflictException("slot_not_open", "This slot is already cancelled.");
                    }
                    Uni<Void> room = slot.status() == SlotStatus.BOOKED
                            ? loadRooms.load(slot.roomId()).chain(r -> deletion.delete(host.id(), r, now))
                            : Uni.createFrom().voidItem();
                    return room.chain(() -> slots.markCancelled(slotId))
                            .call(cancelled -> audit.recordSlot(host.id(), "slot.cancelled", slot, cancelled));
                }));
    }
}

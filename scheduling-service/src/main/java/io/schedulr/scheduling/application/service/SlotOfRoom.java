package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.LoadSlotPort;
import io.schedulr.scheduling.application.port.out.SaveSlotPort;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.Slot;
import io.smallrye.mutiny.Uni;

import java.time.Instant;

/**
 * The slot a room was booked from keeps to its room, in the caller's transaction: it moves when the room moves (the
 * host's availability shows the session where it is, and the time it left is free to offer again) and is let go when
 * the room is deleted. Rooms made directly have no slot; for them this is one lookup by room that finds nothing. Each
 * change of the slot is audited as the room's change's actor's.
 */
public class SlotOfRoom {
    private final LoadSlotPort load;
    private final SaveSlotPort save;
    private final AuditTrailPort audit;

    public SlotOfRoom(LoadSlotPort load, SaveSlotPort save, AuditTrailPort audit) {
        this.load = load;
        this.save = save;
        this.audit = audit;
    }

    Uni<Void> roomChanged(String actorId, PracticeRoom before, PracticeRoom after, Instant now) {
        if (before.window().equals(after.window())) {
            return Uni.createFrom().voidItem();
        }
        return load.findByRoom(after.id()).chain(slot -> slot.isPresent()
                ? changed(actorId, "slot.moved", slot.get(), slot.get().movedWithRoom(after.window(), now))
                : Uni.createFrom().voidItem());
    }

    private Uni<Void> changed(String actorId, String action, Slot before, Slot after) {
        return save.update(after).chain(stored -> audit.recordSlot(actorId, action, before, stored));
    }

    /**
     * The guest left {@code room}: the slot it was booked from, if any, is open again — or cancelled when the host has
     * since published another open slot over that time (it is offered anyway). True when there was a slot: the room
     * stood only for the booking, and the caller deletes it.
     */
    Uni<Boolean> roomReleased(String actorId, PracticeRoom room, Instant now) {
        return load.findByRoom(room.id()).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(false);
            }
            Slot slot = found.get();
            return load.openSlotOverlaps(slot.hostId(), slot.window())
                    .chain(overlaps -> overlaps ? changed(actorId, "slot.cancelled", slot, slot.released(now))
                            : changed(actorId, "slot.reopened", slot, slot.reopened(now)))
                    .replaceWith(true);
        });
    }

    Uni<Void> roomDeleted(String actorId, PracticeRoom room, Instant now) {
        return load.findByRoom(room.id()).chain(slot -> slot.isPresent()
                ? changed(actorId, "slot.cancelled", slot.get(), slot.get().released(now))
                : Uni.createFrom().voidItem());
    }
}

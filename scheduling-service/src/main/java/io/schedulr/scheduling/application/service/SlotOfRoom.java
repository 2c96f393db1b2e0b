package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.out.LoadSlotPort;
import io.schedulr.scheduling.application.port.out.SaveSlotPort;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.Slot;
import io.smallrye.mutiny.Uni;

import java.time.Instant;

/**
 * The slot a room was booked from keeps to its room, in the caller's transaction: it moves when the room moves (the
 * host's availability shows the session where it is, and the time it left is free to offer again) and is let go when
 * the room is deleted. Rooms made directly have no slot; for them this is one lookup by room that finds nothing.
 */
public class SlotOfRoom {
    private final LoadSlotPort load;
    private final SaveSlotPort save;

    public SlotOfRoom(LoadSlotPort load, SaveSlotPort save) {
        this.load = load;
        this.save = save;
    }

    Uni<Void> roomChanged(PracticeRoom before, PracticeRoom after, Instant now) {
        if (before.window().equals(after.window())) {
            return Uni.createFrom().voidItem();
        }
        return load.findByRoom(after.id()).chain(slot -> slot.isPresent()
                ? save.update(slot.get().movedWithRoom(after.window(), now)).replaceWithVoid()
                : Uni.createFrom().voidItem());
    }

    /**
     * The guest left {@code room}: the slot it was booked from, if any, is open again — or cancelled when the host has
     * since published another open slot over that time (it is offered anyway). True when there was a slot: the room
     * stood only for the booking, and the caller deletes it.
     */
    Uni<Boolean> roomReleased(PracticeRoom room, Instant now) {
        return load.findByRoom(room.id()).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(false);
            }
            Slot slot = found.get();
            return load.openSlotOverlaps(slot.hostId(), slot.window())
                    .chain(overlaps -> save.update(overlaps ? slot.released(now) : slot.reopened(now)))
                    .replaceWith(true);
        });
    }

    Uni<Void> roomDeleted(PracticeRoom room, Instant now) {
        return load.findByRoom(room.id()).chain(slot -> slot.isPresent()
                ? save.update(slot.get().released(now)).replaceWithVoid()
                : Uni.createFrom().voidItem());
    }
}

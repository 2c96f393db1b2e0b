package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.out.LoadSlotPort;
import io.schedulr.scheduling.application.port.out.SaveSlotPort;
import io.schedulr.scheduling.domain.PracticeRoom;
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

    Uni<Void> roomDeleted(PracticeRoom room, Instant now) {
        return load.findByRoom(room.id()).chain(slot -> slot.isPresent()
                ? save.update(slot.get().released(now)).replaceWithVoid()
                : Uni.createFrom().voidItem());
    }
}

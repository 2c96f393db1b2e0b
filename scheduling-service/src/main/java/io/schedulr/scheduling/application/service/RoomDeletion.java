package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.out.SaveRoomPort;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomChangeType;
import io.smallrye.mutiny.Uni;

import java.time.Instant;

/**
 * Removing a room, in the caller's transaction: the cancellation event first (a booked room's invitations are
 * cancelled; an unbooked room had none), then the slot it came from is released, then the rounds and the room go.
 */
public class RoomDeletion {
    private final RoomChangeRecorder changes;
    private final SaveRoomPort rooms;
    private final SlotOfRoom slots;

    public RoomDeletion(RoomChangeRecorder changes, SaveRoomPort rooms, SlotOfRoom slots) {
        this.changes = changes;
        this.rooms = rooms;
        this.slots = slots;
    }

    Uni<Void> delete(String actorId, PracticeRoom room, Instant now) {
        RoomChangeType type = room.isBooked() ? RoomChangeType.CANCELLED : RoomChangeType.DELETED;
        PracticeRoom announced = room.isBooked() ? room.announcedAsCancelled() : room;
        return changes.record(actorId, type, now, room, announced)
                .chain(() -> slots.roomDeleted(actorId, room, now))
                .chain(() -> rooms.delete(room));
    }
}

package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.out.SaveRoomPort;
import io.schedulr.scheduling.application.port.out.SlotStorePort;
import io.schedulr.scheduling.domain.ConcurrentChangeException;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomChangeType;
import io.smallrye.mutiny.Uni;

import java.time.Instant;

/**
 * Removing a room, in the caller's transaction: the cancellation event first (a booked room's invitations are
 * cancelled; an unbooked room had none), then its slot is released, then the rounds and the room go.
 */
final class RoomDeletion {
    private final RoomEventPublisher events;
    private final SaveRoomPort rooms;
    private final SlotStorePort slots;

    RoomDeletion(RoomEventPublisher events, SaveRoomPort rooms, SlotStorePort slots) {
        this.events = events;
        this.rooms = rooms;
        this.slots = slots;
    }

    Uni<Void> delete(String actorId, PracticeRoom room, Instant now) {
        RoomChangeType type = room.isBooked() ? RoomChangeType.CANCELLED : RoomChangeType.DELETED;
        PracticeRoom announced = room.isBooked() ? room.cancelled() : room;
        return events.publish(actorId, type, now, room, announced)
                .chain(() -> slots.cancelSlotOfRoom(room.id()))
                .chain(() -> rooms.deleteWithRounds(room.id(), room.version()))
                .invoke(deleted -> {
                    if (!deleted) {
                        throw new ConcurrentChangeException(room.id());
                    }
                })
                .replaceWithVoid();
    }
}

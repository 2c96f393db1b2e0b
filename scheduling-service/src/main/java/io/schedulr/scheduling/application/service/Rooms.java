package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.out.LoadRoomPort;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.RoomNotFoundException;
import io.smallrye.mutiny.Uni;

/** Loading a room that must exist. */
final class Rooms {
    private Rooms() {
    }

    static Uni<PracticeRoom> existing(LoadRoomPort rooms, RoomId id) {
        return rooms.load(id).map(found -> found.orElseThrow(() -> new RoomNotFoundException(id)));
    }

    /** A room this person may see; a private room of others is "not found", so its existence is not confirmed. */
    static Uni<PracticeRoom> visibleTo(LoadRoomPort rooms, RoomId id, String viewer) {
        return existing(rooms, id).map(room -> {
            if (!room.isVisibleTo(viewer)) {
                throw new RoomNotFoundException(id);
            }
            return room;
        });
    }
}

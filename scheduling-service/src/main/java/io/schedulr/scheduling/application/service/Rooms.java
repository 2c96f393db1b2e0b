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
}

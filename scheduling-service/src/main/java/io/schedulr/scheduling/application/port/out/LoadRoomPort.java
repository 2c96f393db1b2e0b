package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomId;
import io.smallrye.mutiny.Uni;

import java.util.Optional;

public interface LoadRoomPort {
    Uni<Optional<PracticeRoom>> load(RoomId roomId);
}

package io.schedulr.scheduling.application.port.in;

import io.smallrye.mutiny.Uni;

public interface CreateRoomUseCase {
    Uni<RoomDetails> create(CreateRoomCommand command);
}

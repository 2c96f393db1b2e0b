package io.schedulr.scheduling.application.port.in;

import io.smallrye.mutiny.Uni;

public interface BookRoomUseCase {
    Uni<RoomDetails> book(BookRoomCommand command);
}

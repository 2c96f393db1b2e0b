package io.schedulr.scheduling.application.port.in;

import io.smallrye.mutiny.Uni;

/** Booking, rescheduling, privacy and stage changes of one room. */
public interface UpdateRoomUseCase {
    Uni<RoomDetails> update(UpdateRoomCommand command);
}

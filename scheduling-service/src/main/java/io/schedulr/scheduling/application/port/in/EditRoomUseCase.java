package io.schedulr.scheduling.application.port.in;

import io.smallrye.mutiny.Uni;

/** Reschedule, change privacy, set the stage: one transaction, one published event. */
public interface EditRoomUseCase {
    Uni<RoomDetails> edit(EditRoomCommand command);
}

package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.BookRoomCommand;
import io.schedulr.scheduling.application.port.in.BookRoomUseCase;
import io.schedulr.scheduling.application.port.in.RoomDetails;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomChangeType;
import io.smallrye.mutiny.Uni;

/** The caller becomes the room's guest; the room's own rules decide, the version check settles races. */
public class BookRoomService implements BookRoomUseCase {
    private final RoomChangeFlow flow;

    public BookRoomService(RoomChangeFlow flow) {
        this.flow = flow;
    }

    @Override
    public Uni<RoomDetails> book(BookRoomCommand command) {
        String guest = command.guest().id();
        return flow.apply(command.guest(), command.roomId(), (room, now) -> {
            PracticeRoom booked = room.book(guest, now);
            return command.stage() == null ? booked : booked.changeStage(guest, command.stage());
        }, (before, after) -> RoomChangeType.BOOKED, command.allowOwnConflicts());
    }
}

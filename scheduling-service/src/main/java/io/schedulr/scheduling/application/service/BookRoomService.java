package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.BookRoomCommand;
import io.schedulr.scheduling.application.port.in.BookRoomUseCase;
import io.schedulr.scheduling.application.port.in.RoomDetails;
import io.schedulr.scheduling.application.port.out.LoadRoomPort;
import io.schedulr.scheduling.application.port.out.SaveRoomPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomChangeType;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Instant;

/** The caller becomes the room's guest; the room's own rules decide, the version check settles races. */
public class BookRoomService implements BookRoomUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final LoadRoomPort load;
    private final SaveRoomPort save;
    private final RoomChangeRecorder changes;
    private final Clock clock;

    public BookRoomService(UnitOfWork tx, UserDirectoryPort users, LoadRoomPort load, SaveRoomPort save, RoomChangeRecorder changes,
                           Clock clock) {
        this.tx = tx;
        this.users = users;
        this.load = load;
        this.save = save;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public Uni<RoomDetails> book(BookRoomCommand command) {
        String guest = command.guest().id();
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            return users.upsert(command.guest())
                    .chain(() -> Rooms.existing(load, command.roomId()))
                    .chain(before -> {
                        PracticeRoom booked = before.book(guest, now);
                        if (command.stage() != null) {
                            booked = booked.changeStage(guest, command.stage());
                        }
                        return save.update(booked).chain(after -> changes.record(guest, RoomChangeType.BOOKED, now, before, after));
                    });
        });
    }
}

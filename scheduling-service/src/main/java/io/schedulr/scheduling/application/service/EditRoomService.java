package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.EditRoomCommand;
import io.schedulr.scheduling.application.port.in.EditRoomUseCase;
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

/**
 * Reschedule and privacy (host), stage (host or guest), in one transaction with one event: RESCHEDULED when a booked
 * room's time moved (invitations are updated), UPDATED otherwise.
 */
public class EditRoomService implements EditRoomUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final LoadRoomPort load;
    private final SaveRoomPort save;
    private final RoomChangeRecorder changes;
    private final Clock clock;

    public EditRoomService(UnitOfWork tx, UserDirectoryPort users, LoadRoomPort load, SaveRoomPort save, RoomChangeRecorder changes,
                           Clock clock) {
        this.tx = tx;
        this.users = users;
        this.load = load;
        this.save = save;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public Uni<RoomDetails> edit(EditRoomCommand command) {
        String actor = command.actor().id();
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            return users.upsert(command.actor())
                    .chain(() -> Rooms.existing(load, command.roomId()))
                    .chain(before -> {
                        PracticeRoom changed = apply(command, before, now);
                        Uni<PracticeRoom> stored = changed.equals(before) ? Uni.createFrom().item(before) : save.update(changed);
                        return stored.chain(after -> changes.record(actor, typeOf(before, after), now, before, after));
                    });
        });
    }

    private static PracticeRoom apply(EditRoomCommand c, PracticeRoom room, Instant now) {
        String actor = c.actor().id();
        PracticeRoom changed = room;
        if (c.newStart() != null) {
            changed = changed.reschedule(actor, c.newStart(), now);
        }
        if (c.privateRoom() != null) {
            changed = changed.changePrivacy(actor, c.privateRoom());
        }
        if (c.stage() != null) {
            changed = changed.changeStage(actor, c.stage());
        }
        return changed;
    }

    private static RoomChangeType typeOf(PracticeRoom before, PracticeRoom after) {
        return after.isBooked() && !after.start().equals(before.start()) ? RoomChangeType.RESCHEDULED : RoomChangeType.UPDATED;
    }
}

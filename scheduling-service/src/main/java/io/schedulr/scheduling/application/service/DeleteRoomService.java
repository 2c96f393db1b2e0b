package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.DeleteRoomUseCase;
import io.schedulr.scheduling.application.port.out.LoadRoomPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.time.Clock;

/** The host deletes a room, in one transaction (see {@link RoomDeletion}). */
public class DeleteRoomService implements DeleteRoomUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final LoadRoomPort load;
    private final RoomDeletion deletion;
    private final Clock clock;

    public DeleteRoomService(UnitOfWork tx, UserDirectoryPort users, LoadRoomPort load, RoomDeletion deletion, Clock clock) {
        this.tx = tx;
        this.users = users;
        this.load = load;
        this.deletion = deletion;
        this.clock = clock;
    }

    @Override
    public Uni<Void> delete(UserProfile actor, RoomId roomId) {
        return tx.inTransaction(() -> users.upsert(actor)
                .chain(() -> Rooms.visibleTo(load, roomId, actor.id()))
                .chain(room -> {
                    room.requireDeletableBy(actor.id());
                    return deletion.delete(actor.id(), room, clock.instant());
                }));
    }
}

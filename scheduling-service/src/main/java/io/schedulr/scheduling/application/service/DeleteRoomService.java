package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.DeleteRoomUseCase;
import io.schedulr.scheduling.application.port.out.AppendOutboxPort;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.LoadRoomPort;
import io.schedulr.scheduling.application.port.out.SaveRoomPort;
import io.schedulr.scheduling.application.port.out.SlotStorePort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.ForbiddenActionException;
import io.schedulr.scheduling.domain.RoomNotFoundException;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The host deletes a room, in one transaction, and only if nobody changed it in between (see {@link RoomDeletion}). */
public class DeleteRoomService implements DeleteRoomUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final LoadRoomPort loadRooms;
    private final RoomDeletion deletion;
    private final Clock clock;

    public DeleteRoomService(UnitOfWork tx, UserDirectoryPort users, LoadRoomPort loadRooms, SaveRoomPort saveRooms,
                             SlotStorePort slots, AppendOutboxPort outbox, AuditTrailPort audit, Clock clock) {
        this.tx = tx;
        this.users = users;
        this.loadRooms = loadRooms;
        this.deletion = new RoomDeletion(new RoomEventPublisher(users, outbox, audit), saveRooms, slots);
        this.clock = clock;
    }

    @Override
    public Uni<Void> delete(UserProfile actor, UUID roomId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return tx.inTransaction(() -> users.upsert(actor)
                .chain(() -> loadRooms.load(roomId))
                .onItem().ifNull().failWith(() -> new RoomNotFoundException(roomId))
                .chain(room -> {
                    if (!room.isHost(actor.id())) {
                        throw new ForbiddenActionException("not_room_host", "Only the host can delete a room.");
                    }
                    return deletion.delete(actor.id(), room, now);
                }));
    }
}

package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.DeleteRoomUseCase;
import io.schedulr.scheduling.application.port.out.AppendOutboxPort;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.LoadRoomPort;
import io.schedulr.scheduling.application.port.out.SaveRoomPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.ConcurrentChangeException;
import io.schedulr.scheduling.domain.ForbiddenActionException;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomChangeType;
import io.schedulr.scheduling.domain.RoomNotFoundException;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The host deletes a room. In one transaction: the cancellation event first (a booked room's invitations are
 * cancelled), then the rounds, then the room — and only if nobody changed it in between.
 */
public class DeleteRoomService implements DeleteRoomUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final LoadRoomPort loadRooms;
    private final SaveRoomPort saveRooms;
    private final RoomEventPublisher events;
    private final Clock clock;

    public DeleteRoomService(UnitOfWork tx, UserDirectoryPort users, LoadRoomPort loadRooms, SaveRoomPort saveRooms,
                             AppendOutboxPort outbox, AuditTrailPort audit, Clock clock) {
        this.tx = tx;
        this.users = users;
        this.loadRooms = loadRooms;
        this.saveRooms = saveRooms;
        this.events = new RoomEventPublisher(users, outbox, audit);
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
                    RoomChangeType type = room.isBooked() ? RoomChangeType.CANCELLED : RoomChangeType.DELETED;
                    PracticeRoom announced = room.isBooked() ? room.cancelled() : room;
                    return events.publish(actor.id(), type, now, room, announced)
                            .chain(() -> saveRooms.deleteWithRounds(roomId, room.version()))
                            .invoke(deleted -> {
                                if (!deleted) {
                                    throw new ConcurrentChangeException(roomId);
                                }
                            })
                            .replaceWithVoid();
                }));
    }
}

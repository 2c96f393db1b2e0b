package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.RoomDetails;
import io.schedulr.scheduling.application.port.in.RoomQueriesUseCase;
import io.schedulr.scheduling.application.port.in.RoomScope;
import io.schedulr.scheduling.application.port.out.LoadRoomPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomNotFoundException;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reads rooms; like every authenticated call, it refreshes the caller's profile from the token first. */
public class RoomQueriesService implements RoomQueriesUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final LoadRoomPort rooms;
    private final Clock clock;

    public RoomQueriesService(UnitOfWork tx, UserDirectoryPort users, LoadRoomPort rooms, Clock clock) {
        this.tx = tx;
        this.users = users;
        this.rooms = rooms;
        this.clock = clock;
    }

    @Override
    public Uni<List<RoomDetails>> list(UserProfile actor, RoomScope scope, int limit) {
        return tx.inTransaction(() -> users.upsert(actor).chain(() -> find(actor, scope, limit)).chain(list -> {
            Set<String> ids = new HashSet<>();
            list.forEach(r -> {
                ids.add(r.hostId());
                if (r.guestId() != null) {
                    ids.add(r.guestId());
                }
            });
            return users.findAll(ids).map(people -> list.stream()
                    .map(r -> new RoomDetails(r, people.get(r.hostId()), r.guestId() == null ? null : people.get(r.guestId())))
                    .toList());
        }));
    }

    private Uni<List<PracticeRoom>> find(UserProfile actor, RoomScope scope, int limit) {
        return scope == RoomScope.OPEN ? rooms.listOpen(actor.id(), clock.instant(), limit) : rooms.listOf(actor.id(), limit);
    }

    @Override
    public Uni<RoomDetails> get(UserProfile actor, UUID roomId) {
        return tx.inTransaction(() -> users.upsert(actor).chain(() -> rooms.load(roomId))
                .onItem().ifNull().failWith(() -> new RoomNotFoundException(roomId))
                .chain(room -> users.findAll(room.guestId() == null ? List.of(room.hostId()) : List.of(room.hostId(), room.guestId()))
                        .map(people -> new RoomDetails(room, people.get(room.hostId()),
                                room.guestId() == null ? null : people.get(room.guestId())))));
    }
}

package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.RoomDetails;
import io.schedulr.scheduling.application.port.in.RoomPage;
import io.schedulr.scheduling.application.port.in.RoomQueriesUseCase;
import io.schedulr.scheduling.application.port.in.RoomScope;
import io.schedulr.scheduling.application.port.out.ListRoomsPort;
import io.schedulr.scheduling.application.port.out.LoadRoomPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads rooms; like every authenticated call, it refreshes the caller's profile from the token first. */
public class RoomQueriesService implements RoomQueriesUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final LoadRoomPort load;
    private final ListRoomsPort list;
    private final Clock clock;

    public RoomQueriesService(UnitOfWork tx, UserDirectoryPort users, LoadRoomPort load, ListRoomsPort list, Clock clock) {
        this.tx = tx;
        this.users = users;
        this.load = load;
        this.list = list;
        this.clock = clock;
    }

    @Override
    public Uni<RoomPage> list(UserProfile viewer, RoomScope scope, int limit, int offset) {
        return tx.inTransaction(() -> users.upsert(viewer).chain(() -> find(viewer, scope, limit, offset))
                .chain(found -> withPeople(found.rooms()).map(rooms -> new RoomPage(rooms, found.more()))));
    }

    @Override
    public Uni<RoomDetails> get(UserProfile viewer, RoomId roomId) {
        return tx.inTransaction(() -> users.upsert(viewer)
                .chain(() -> Rooms.visibleTo(load, roomId, viewer.id()))
                .chain(room -> withPeople(List.of(room)))
                .map(details -> details.get(0)));
    }

    private Uni<Found> find(UserProfile viewer, RoomScope scope, int limit, int offset) {
        Instant now = clock.instant();
        return switch (scope) {
            // A room whose host is booked elsewhere then is left out: nobody could book it. The page may then hold fewer
            // than the limit; the next page still starts at offset + limit.
            case OPEN -> list.listOpen(viewer.id(), now, limit, offset).chain(rooms -> list.hostBookedThen(rooms)
                    .map(unbookable -> new Found(rooms.stream().filter(room -> !unbookable.contains(room.id())).toList(),
                            rooms.size() == limit)));
            case MINE -> list.listUpcomingOf(viewer.id(), now, limit, offset).map(rooms -> new Found(rooms, rooms.size() == limit));
            case PAST -> list.listPastOf(viewer.id(), now, limit, offset).map(rooms -> new Found(rooms, rooms.size() == limit));
        };
    }

    /** The rooms of a page, and whether it took all it asked for. */
    private record Found(List<PracticeRoom> rooms, boolean more) {
    }

    private Uni<List<RoomDetails>> withPeople(List<PracticeRoom> rooms) {
        Set<String> ids = new HashSet<>();
        rooms.forEach(r -> RoomDetails.peopleOf(r).forEach(ids::add));
        return users.findAll(ids).map(people -> rooms.stream().map(r -> RoomDetails.of(r, people)).toList());
    }
}

package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.schedulr.scheduling.adapter.out.SessionConnection;
import io.schedulr.scheduling.application.port.out.ListRoomsPort;
import io.schedulr.scheduling.application.port.out.LoadRoomPort;
import io.schedulr.scheduling.application.port.out.SaveRoomPort;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomId;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Rooms in PostgreSQL through their Panache entity. Every change is version-checked: an update is one SQL statement
 * guarded by {@code version = ?}, and so is a deletion (with the room's rounds). A room is read
 * detached, so a use case's flushes have nothing of it to dirty-check (the booking path pays for every flush).
 */
@ApplicationScoped
public class PanacheRoomRepository implements LoadRoomPort, ListRoomsPort, SaveRoomPort {

    @Override
    public Uni<Optional<PracticeRoom>> load(RoomId roomId) {
        return Panache.getSession().chain(s -> s.find(PracticeRoomEntity.class, roomId.value()).map(e -> {
            if (e == null) {
                return Optional.<PracticeRoom>empty();
            }
            s.detach(e);
            return Optional.of(RoomMapper.toDomain(e));
        }));
    }

    @Override
    public Uni<List<PracticeRoom>> listOpen(String viewer, Instant now, int limit, int offset) {
        return page(PracticeRoomEntity.find(
                "guestId is null and datetimeUtc > ?1 and hostId <> ?2 and (privateRoom = false or offeredTo = ?2)",
                Sort.by("datetimeUtc").and("id"), now, viewer), limit, offset);
    }

    /**
     * One statement over the page's rooms, after the page was read: asked inside the listing's query, PostgreSQL
     * anti-joined every open room before sorting (21 ms a page beside 10,000 open rooms, against 1.8 ms;
     * docs/performance.md). Hosting and joining are asked apart, each an index lookup of the host.
     */
    @Override
    public Uni<Set<RoomId>> hostBookedThen(Collection<PracticeRoom> rooms) {
        if (rooms.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        UUID[] ids = rooms.stream().map(r -> r.id().value()).toArray(UUID[]::new);
        return SessionConnection.select("SELECT r.id FROM practice_rooms r WHERE r.id = ANY ($1) AND ("
                        + "EXISTS (SELECT 1 FROM practice_rooms hosted WHERE hosted.guest_id IS NOT NULL AND hosted.host_id = r.host_id "
                        + "AND hosted.id <> r.id AND tstzrange(hosted.datetime_utc, hosted.ends_at) && tstzrange(r.datetime_utc, r.ends_at)) "
                        + "OR EXISTS (SELECT 1 FROM practice_rooms joined WHERE joined.guest_id = r.host_id "
                        + "AND tstzrange(joined.datetime_utc, joined.ends_at) && tstzrange(r.datetime_utc, r.ends_at)))", (Object) ids)
                .map(rows -> rows.stream().map(row -> new RoomId((UUID) row[0])).collect(Collectors.toSet()));
    }

    @Override
    public Uni<List<PracticeRoom>> listUpcomingOf(String userId, Instant now, int limit, int offset) {
        return page(PracticeRoomEntity.find("(hostId = ?1 or guestId = ?1) and endsAt > ?2", Sort.by("datetimeUtc").and("id"), userId, now),
                limit, offset);
    }

    @Override
    public Uni<List<PracticeRoom>> listPastOf(String userId, Instant now, int limit, int offset) {
        return page(PracticeRoomEntity.find("(hostId = ?1 or guestId = ?1) and endsAt <= ?2",
                Sort.descending("datetimeUtc").and("id", Sort.Direction.Descending), userId, now), limit, offset);
    }

    private static Uni<List<PracticeRoom>> page(PanacheQuery<PracticeRoomEntity> query, int limit, int offset) {
        return query.range(offset, offset + limit - 1).list().map(list -> list.stream().map(RoomMapper::toDomain).toList());
    }

    @Override
    public Uni<PracticeRoom> insert(PracticeRoom room) {
        PracticeRoomEntity entity = RoomMapper.toNewEntity(room);
        PracticeRoundEntity round = new PracticeRoundEntity();
        round.id = UUID.randomUUID();
        round.roomId = room.id().value();
        round.roundNumber = 1;
        round.createdAt = room.createdAt();
        return Panache.getSession()
                .chain(s -> s.persist(entity).chain(() -> s.persist(round)).chain(s::flush))
                .map(ignored -> RoomMapper.toDomain(entity));
    }

    @Override
    public Uni<PracticeRoom> update(PracticeRoom changed) {
        return SessionConnection.update("UPDATE practice_rooms SET guest_id = $1, stage = $2, private = $3, offered_to = $4, "
                        + "datetime_utc = $5, ends_at = $6, ics_uid = $7, ics_sequence = $8, earlier_event_may_show = $9, "
                        + "version = version + 1 "
                        + "WHERE id = $10 AND version = $11",
                        changed.guestId(), changed.stage(), changed.privateRoom(), changed.offeredTo(),
                        SessionConnection.at(changed.window().start()), SessionConnection.at(changed.window().end()),
                        changed.icsUid(), changed.icsSequence(), changed.earlierEventMayShow(), changed.id().value(), changed.version())
                .map(updated -> {
                    if (updated != 1) {
                        throw new OptimisticLockException("practice room " + changed.id() + " changed since it was read");
                    }
                    return changed.atVersion(changed.version() + 1);
                });
    }

    @Override
    public Uni<Void> delete(PracticeRoom room) {
        // Plain statements, not the entity's removal: under concurrent requests Hibernate Reactive's entity delete could
        // complete on another event-loop thread than its session's (HR000069, quarkusio/quarkus#41945, #23324); the
        // request failed and its transaction was left open, holding the room's and its slot's row locks, so every later
        // change of that room waited. Seen only under concurrent requests (guests leaving slots' sessions while slots are
        // booked and published), never by a single one.
        return SessionConnection.update("DELETE FROM practice_rounds WHERE room_id = $1", room.id().value())
                .chain(() -> SessionConnection.update("DELETE FROM practice_rooms WHERE id = $1 AND version = $2", room.id().value(),
                        room.version()))
                .map(deleted -> {
                    if (deleted != 1) {
                        throw new OptimisticLockException("practice room " + room.id() + " changed since it was read");
                    }
                    return null;
                });
    }
}

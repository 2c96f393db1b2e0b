package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.schedulr.scheduling.application.port.out.LoadRoomPort;
import io.schedulr.scheduling.application.port.out.SaveRoomPort;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Rooms in PostgreSQL. Inserts and reads use Panache entities; every change after creation is one conditional SQL
 * statement, so concurrent requests cannot overwrite each other.
 */
@ApplicationScoped
public class PanacheRoomRepository implements LoadRoomPort, SaveRoomPort {

    @Override
    public Uni<PracticeRoom> load(UUID roomId) {
        return Panache.getSession().chain(s -> s.find(PracticeRoomEntity.class, roomId).map(e -> detached(s, e)));
    }

    @Override
    public Uni<List<PracticeRoom>> listOpen(String excludedHostId, Instant now, int limit) {
        return PracticeRoomEntity.<PracticeRoomEntity>find(
                        "guestId is null and privateRoom = false and datetimeUtc > ?1 and hostId <> ?2",
                        Sort.by("datetimeUtc").and("id"), now, excludedHostId)
                .page(Page.ofSize(limit)).list()
                .map(list -> list.stream().map(RoomMapper::toDomain).toList());
    }

    @Override
    public Uni<List<PracticeRoom>> listOf(String userId, int limit) {
        return PracticeRoomEntity.<PracticeRoomEntity>find("hostId = ?1 or guestId = ?1", Sort.by("datetimeUtc").and("id"), userId)
                .page(Page.ofSize(limit)).list()
                .map(list -> list.stream().map(RoomMapper::toDomain).toList());
    }

    @Override
    public Uni<PracticeRoom> insertWithFirstRound(PracticeRoom room) {
        PracticeRoundEntity round = new PracticeRoundEntity();
        round.id = UUID.randomUUID();
        round.roomId = room.id();
        round.roundNumber = 1;
        round.createdAt = room.createdAt();
        return RoomMapper.toEntity(room).<PracticeRoomEntity>persist()
                .chain(saved -> round.persist().map(ignored -> RoomMapper.toDomain(saved)))
                .call(() -> Panache.getSession().chain(s -> s.flush()));
    }

    /**
     * Usually the row is still as it was loaded a moment ago in this transaction: then one UPDATE that also checks the
     * version books it, and the result is known without reading it again. If anything changed in between (a
     * reschedule, another booking), the booking is decided by the guest condition alone and the row read back.
     * (Not {@code UPDATE … RETURNING} mapped to the entity: Hibernate 7.2 stores a new query plan for every execution
     * of such a native query, see QueryPlanReuseTest.)
     */
    @Override
    public Uni<PracticeRoom> assignGuestIfFree(PracticeRoom loaded, String guestId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "UPDATE practice_rooms SET guest_id = :guest, version = version + 1 "
                                        + "WHERE id = :id AND guest_id IS NULL AND host_id <> :guest AND version = :version")
                        .setParameter("guest", guestId).setParameter("id", loaded.id()).setParameter("version", loaded.version())
                        .executeUpdate()
                        .chain(changed -> changed == 1 ? Uni.createFrom().item(loaded.bookedBy(guestId).nextVersion())
                                : s.createNativeQuery("UPDATE practice_rooms SET guest_id = :guest, version = version + 1 "
                                                + "WHERE id = :id AND guest_id IS NULL AND host_id <> :guest")
                                        .setParameter("guest", guestId).setParameter("id", loaded.id()).executeUpdate()
                                        .chain(booked -> booked == 0 ? Uni.createFrom().<PracticeRoom>nullItem() : load(loaded.id()))));
    }

    /** Writes every field {@code changed} may differ in; the version check makes the result exactly {@code changed}. */
    @Override
    public Uni<PracticeRoom> update(PracticeRoom changed, long expectedVersion) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "UPDATE practice_rooms SET datetime_utc = :start, ends_at = :end, private = :private, stage = :stage, "
                                        + "ics_sequence = :sequence, version = version + 1 WHERE id = :id AND version = :version")
                        .setParameter("start", changed.datetimeUtc())
                        .setParameter("end", changed.endsAt())
                        .setParameter("private", changed.privateRoom())
                        .setParameter("stage", changed.stage())
                        .setParameter("sequence", changed.icsSequence())
                        .setParameter("id", changed.id())
                        .setParameter("version", expectedVersion)
                        .executeUpdate())
                .map(updated -> updated == 1 ? changed.nextVersion() : null);
    }

    @Override
    public Uni<Boolean> deleteWithRounds(UUID roomId, long expectedVersion) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "UPDATE practice_rooms SET version = version + 1 WHERE id = :id AND version = :version")
                        .setParameter("id", roomId).setParameter("version", expectedVersion).executeUpdate()
                        .chain(locked -> locked == 0 ? Uni.createFrom().item(false)
                                : s.createNativeQuery("DELETE FROM practice_rounds WHERE room_id = :id").setParameter("id", roomId)
                                .executeUpdate()
                                .chain(() -> s.createNativeQuery("DELETE FROM practice_rooms WHERE id = :id")
                                        .setParameter("id", roomId).executeUpdate())
                                .map(deleted -> deleted == 1)));
    }

    /**
     * Rooms change through conditional SQL, which the session does not see; keeping no managed copy means the next
     * read in the same transaction comes from the database.
     */
    private static PracticeRoom detached(org.hibernate.reactive.mutiny.Mutiny.Session session, PracticeRoomEntity entity) {
        if (entity == null) {
            return null;
        }
        session.detach(entity);
        return RoomMapper.toDomain(entity);
    }
}

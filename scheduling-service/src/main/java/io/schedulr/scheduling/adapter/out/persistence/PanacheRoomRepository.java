package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.schedulr.scheduling.application.port.out.ListRoomsPort;
import io.schedulr.scheduling.application.port.out.LoadRoomPort;
import io.schedulr.scheduling.application.port.out.SaveRoomPort;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomId;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rooms in PostgreSQL through their Panache entity; every change is version-checked (see {@link ManagedEntities}). */
@ApplicationScoped
public class PanacheRoomRepository implements LoadRoomPort, ListRoomsPort, SaveRoomPort {

    @Override
    public Uni<Optional<PracticeRoom>> load(RoomId roomId) {
        return PracticeRoomEntity.<PracticeRoomEntity>findById(roomId.value()).map(e -> Optional.ofNullable(e).map(RoomMapper::toDomain));
    }

    @Override
    public Uni<List<PracticeRoom>> listOpen(String viewer, Instant now, int limit) {
        return PracticeRoomEntity.<PracticeRoomEntity>find(
                        "guestId is null and datetimeUtc > ?1 and hostId <> ?2 and (privateRoom = false or offeredTo = ?2)",
                        Sort.by("datetimeUtc").and("id"), now, viewer)
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
        return ManagedEntities.current(PracticeRoomEntity.class, changed.id().value(), changed.version(), e -> e.version)
                .call(entity -> {
                    RoomMapper.copyChangeableFields(changed, entity);
                    return ManagedEntities.flush();
                })
                .map(RoomMapper::toDomain);
    }

    @Override
    public Uni<Void> delete(PracticeRoom room) {
        return ManagedEntities.current(PracticeRoomEntity.class, room.id().value(), room.version(), e -> e.version)
                .call(entity -> PracticeRoundEntity.delete("roomId", room.id().value()))
                .call(entity -> Panache.getSession().chain(s -> s.remove(entity)))
                .call(ManagedEntities::flush)
                .replaceWithVoid();
    }
}

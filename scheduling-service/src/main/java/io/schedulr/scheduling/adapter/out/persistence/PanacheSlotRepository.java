package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.schedulr.scheduling.application.port.out.ListSlotsPort;
import io.schedulr.scheduling.application.port.out.LoadSlotPort;
import io.schedulr.scheduling.application.port.out.SaveSlotPort;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotConflictException;
import io.schedulr.scheduling.domain.SlotId;
import io.schedulr.scheduling.domain.SlotStatus;
import io.schedulr.scheduling.domain.TimeWindow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Slots in PostgreSQL through their Panache entity; overlaps are refused by the table's exclusion constraint. */
@ApplicationScoped
public class PanacheSlotRepository implements LoadSlotPort, ListSlotsPort, SaveSlotPort {
    private static final String OVERLAP_CONSTRAINT = "open_slots_of_a_host_do_not_overlap";
    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");
    private static final Instant FAR_PAST = Instant.parse("1970-01-01T00:00:00Z");

    @Override
    public Uni<Optional<Slot>> load(SlotId slotId) {
        return SlotEntity.<SlotEntity>findById(slotId.value()).map(e -> Optional.ofNullable(e).map(SlotMapper::toDomain));
    }

    @Override
    public Uni<Optional<Slot>> findByRoom(RoomId roomId) {
        return SlotEntity.<SlotEntity>find("roomId", roomId.value()).firstResult()
                .map(e -> Optional.ofNullable(e).map(SlotMapper::toDomain));
    }

    @Override
    public Uni<Boolean> openSlotOverlaps(String hostId, TimeWindow window) {
        return SlotEntity.count("hostId = ?1 and status = ?2 and startTs < ?3 and endTs > ?4", hostId, SlotEntity.Status.open,
                window.end(), window.start()).map(count -> count > 0);
    }

    @Override
    public Uni<List<Slot>> insertAll(List<Slot> slots) {
        Object[] entities = slots.stream().map(SlotMapper::toNewEntity).toArray();
        return Panache.getSession()
                .chain(s -> s.persistAll(entities).chain(s::flush))
                .onFailure(f -> SqlStates.violates(f, SqlStates.EXCLUSION_VIOLATION, OVERLAP_CONSTRAINT))
                .transform(e -> new SlotConflictException("slot_overlaps", "These times overlap another open slot of yours."))
                .replaceWith(slots);
    }

    @Override
    public Uni<Slot> update(Slot changed) {
        return ManagedEntities.current(SlotEntity.class, changed.id().value(), changed.version(), e -> e.version)
                .call(entity -> {
                    SlotMapper.copyChangeableFields(changed, entity);
                    return ManagedEntities.flush();
                })
                // Only a slot opened again can meet another open one: one the host published over its time since it was
                // read. That is a lost race like a version check's; the unit of work runs the change again and sees it.
                .onFailure(f -> SqlStates.violates(f, SqlStates.EXCLUSION_VIOLATION, OVERLAP_CONSTRAINT))
                .transform(e -> new OptimisticLockException("another open slot of the host took this time meanwhile", e))
                .map(SlotMapper::toDomain);
    }

    @Override
    public Uni<List<Slot>> listOpen(String viewerId, Instant from, Instant to, int limit, int offset) {
        // A slot whose host has a booked session at an overlapping time is left out: nobody could book it. Hosting and
        // joining are asked apart: one "host or guest" test made PostgreSQL walk every booked room that started before
        // the slot ends (14 ms a page beside a host with 3,000 past sessions, against 1 ms so; docs/performance.md).
        return SlotEntity.<SlotEntity>find("from SlotEntity s where s.status = :open and s.hostId <> :viewer and s.startTs >= :from "
                                + "and s.startTs < :to "
                                + "and not exists (select 1 from PracticeRoomEntity hosted where hosted.guestId is not null "
                                + "and hosted.hostId = s.hostId and hosted.datetimeUtc < s.endTs and hosted.endsAt > s.startTs) "
                                + "and not exists (select 1 from PracticeRoomEntity joined where joined.guestId = s.hostId "
                                + "and joined.datetimeUtc < s.endTs and joined.endsAt > s.startTs)",
                        Sort.by("startTs").and("id"),
                        Parameters.with("open", SlotEntity.Status.open).and("viewer", viewerId).and("from", from)
                                .and("to", to == null ? FAR_FUTURE : to))
                .range(offset, offset + limit - 1).list()
                .map(list -> list.stream().map(SlotMapper::toDomain).toList());
    }

    @Override
    public Uni<List<Slot>> listOf(String hostId, SlotStatus status, Instant from, Instant to, int limit, int offset) {
        String query = "hostId = :host and startTs >= :from and startTs < :to" + (status == null ? "" : " and status = :status");
        Parameters params = Parameters.with("host", hostId).and("from", from == null ? FAR_PAST : from)
                .and("to", to == null ? FAR_FUTURE : to);
        if (status != null) {
            params = params.and("status", SlotMapper.status(status));
        }
        return SlotEntity.<SlotEntity>find(query, Sort.by("startTs").and("id"), params)
                .range(offset, offset + limit - 1).list()
                .map(list -> list.stream().map(SlotMapper::toDomain).toList());
    }
}

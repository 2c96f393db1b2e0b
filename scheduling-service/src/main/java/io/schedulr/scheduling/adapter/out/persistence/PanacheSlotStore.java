package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.schedulr.scheduling.application.port.out.SlotStorePort;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotConflictException;
import io.schedulr.scheduling.domain.SlotStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Slots in PostgreSQL; overlaps are refused by the table's exclusion constraint, reported here as a conflict. */
@ApplicationScoped
public class PanacheSlotStore implements SlotStorePort {
    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final String OVERLAP_CONSTRAINT = "slots_of_a_host_do_not_overlap";
    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");
    private static final Instant FAR_PAST = Instant.parse("1970-01-01T00:00:00Z");

    @Override
    public Uni<List<Slot>> insertAll(List<Slot> slots) {
        List<SlotEntity> entities = slots.stream().map(PanacheSlotStore::toEntity).toList();
        return Panache.getSession()
                .chain(s -> s.persistAll(entities.toArray()).chain(s::flush))
                .onFailure(PanacheSlotStore::isOverlap).transform(e -> new SlotConflictException("slot_overlaps",
                        "These times overlap another open or booked slot of yours."))
                .replaceWith(slots);
    }

    @Override
    public Uni<Slot> lockForUpdate(UUID slotId) {
        return Panache.getSession().chain(s -> s.find(SlotEntity.class, slotId, LockModeType.PESSIMISTIC_WRITE))
                .map(e -> e == null ? null : toDomain(e));
    }

    @Override
    public Uni<Slot> markBooked(UUID slotId, UUID roomId) {
        return change(slotId, SlotEntity.Status.booked, roomId);
    }

    @Override
    public Uni<Slot> markCancelled(UUID slotId) {
        return change(slotId, SlotEntity.Status.cancelled, null);
    }

    @Override
    public Uni<Void> cancelSlotOfRoom(UUID roomId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "UPDATE slots SET status = 'cancelled', room_id = NULL, updated_at = now() WHERE room_id = :room")
                .setParameter("room", roomId).executeUpdate()).replaceWithVoid();
    }

    @Override
    public Uni<List<Slot>> listOpen(String viewerId, Instant from, Instant to, int limit, int offset) {
        return SlotEntity.<SlotEntity>find("status = :open and hostId <> :viewer and startTs >= :from and startTs < :to",
                        Sort.by("startTs").and("id"),
                        Parameters.with("open", SlotEntity.Status.open).and("viewer", viewerId).and("from", from)
                                .and("to", to == null ? FAR_FUTURE : to))
                .range(offset, offset + limit - 1).list()
                .map(list -> list.stream().map(PanacheSlotStore::toDomain).toList());
    }

    @Override
    public Uni<List<Slot>> listOf(String hostId, SlotStatus status, Instant from, Instant to, int limit, int offset) {
        String query = "hostId = :host and startTs >= :from and startTs < :to" + (status == null ? "" : " and status = :status");
        Parameters params = Parameters.with("host", hostId).and("from", from == null ? FAR_PAST : from)
                .and("to", to == null ? FAR_FUTURE : to);
        if (status != null) {
            params = params.and("status", SlotEntity.Status.valueOf(status.name().toLowerCase(Locale.ROOT)));
        }
        return SlotEntity.<SlotEntity>find(query, Sort.by("startTs").and("id"), params)
                .range(offset, offset + limit - 1).list()
                .map(list -> list.stream().map(PanacheSlotStore::toDomain).toList());
    }

    private Uni<Slot> change(UUID slotId, SlotEntity.Status status, UUID roomId) {
        return Panache.getSession().chain(s -> s.find(SlotEntity.class, slotId)).map(e -> {
            e.status = status;
            e.roomId = roomId;
            e.updatedAt = Instant.now();
            return toDomain(e);
        });
    }

    private static boolean isOverlap(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && EXCLUSION_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve
                    && (EXCLUSION_VIOLATION.equals(cve.getSQLState()) || OVERLAP_CONSTRAINT.equals(cve.getConstraintName())
                    || String.valueOf(cve.getMessage()).contains(OVERLAP_CONSTRAINT))) {
                return true;
            }
        }
        return false;
    }

    private static SlotEntity toEntity(Slot slot) {
        SlotEntity e = new SlotEntity();
        e.id = slot.id();
        e.hostId = slot.hostId();
        e.startTs = slot.startTs();
        e.endTs = slot.endTs();
        e.status = SlotEntity.Status.valueOf(slot.status().name().toLowerCase(Locale.ROOT));
        e.roomId = slot.roomId();
        e.createdAt = slot.createdAt();
        e.updatedAt = slot.updatedAt();
        return e;
    }

    static Slot toDomain(SlotEntity e) {
        return new Slot(e.id, e.hostId, e.startTs, e.endTs, SlotStatus.valueOf(e.status.name().toUpperCase(Locale.ROOT)), e.roomId,
                e.createdAt, e.updatedAt);
    }
}

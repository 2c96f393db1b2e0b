package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.SlotUseCases;
import io.schedulr.scheduling.application.port.in.SlotWindowInput;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.SlotStorePort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotStatus;
import io.schedulr.scheduling.domain.SlotWindow;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Availability goes to the database only: no room, no event that notifies anyone. */
public class PublishSlotsService implements SlotUseCases.PublishSlots {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final SlotStorePort slots;
    private final AuditTrailPort audit;
    private final SlotRules rules;
    private final Clock clock;

    public PublishSlotsService(UnitOfWork tx, UserDirectoryPort users, SlotStorePort slots, AuditTrailPort audit, SlotRules rules,
                               Clock clock) {
        this.tx = tx;
        this.users = users;
        this.slots = slots;
        this.audit = audit;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public Uni<List<Slot>> publish(UserProfile host, List<SlotWindowInput> windows) {
        if (windows == null || windows.isEmpty()) {
            throw new InvalidRequestException("no_slots", "Give one slot {startTs, endTs} or a list of them.");
        }
        if (windows.size() > rules.maxPerRequest()) {
            throw new InvalidRequestException("too_many_slots", "At most " + rules.maxPerRequest() + " slots per request.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Slot> toInsert = windows.stream().map(w -> {
            if (w == null) {
                throw new InvalidRequestException("invalid_slot", "Each slot is an object {startTs, endTs}.");
            }
            SlotWindow window = SlotWindow.of(w.startTs(), w.endTs(), now, rules.minLength(), rules.maxLength());
            return new Slot(UUID.randomUUID(), host.id(), window.startTs().truncatedTo(ChronoUnit.MICROS),
                    window.endTs().truncatedTo(ChronoUnit.MICROS), SlotStatus.OPEN, null, now, now);
        }).toList();
        return tx.inTransaction(() -> users.upsert(host)
                .chain(() -> slots.insertAll(toInsert))
                .call(inserted -> Multi.createFrom().iterable(inserted)
                        .onItem().transformToUniAndConcatenate(slot -> audit.recordSlot(host.id(), "slot.published", null, slot))
                        .collect().asList()));
    }
}

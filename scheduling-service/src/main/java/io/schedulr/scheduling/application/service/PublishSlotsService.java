package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.PublishSlotsCommand;
import io.schedulr.scheduling.application.port.in.PublishSlotsUseCase;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.SaveSlotPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotRules;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Availability goes to the database only: no room, no event that notifies anyone. */
public class PublishSlotsService implements PublishSlotsUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final SaveSlotPort slots;
    private final AuditTrailPort audit;
    private final SlotRules rules;
    private final CalendarGate gate;
    private final Clock clock;

    public PublishSlotsService(UnitOfWork tx, UserDirectoryPort users, SaveSlotPort slots, AuditTrailPort audit, SlotRules rules,
                               CalendarGate gate, Clock clock) {
        this.tx = tx;
        this.users = users;
        this.slots = slots;
        this.audit = audit;
        this.rules = rules;
        this.gate = gate;
        this.clock = clock;
    }

    @Override
    public Uni<List<Slot>> publish(PublishSlotsCommand command) {
        if (command.windows().size() > rules.maxPerRequest()) {
            throw new InvalidRequestException("too_many_slots", "At most " + rules.maxPerRequest() + " slots per request.");
        }
        String host = command.host().id();
        Instant now = clock.instant();
        List<Slot> toInsert = command.windows().stream().map(w -> Slot.publish(host, w, rules, now)).toList();
        return tx.inTransaction(() -> gate.requireConnected(host)
                .chain(() -> users.upsert(command.host()))
                .chain(() -> slots.insertAll(toInsert))
                .call(inserted -> Multi.createFrom().iterable(inserted)
                        .onItem().transformToUniAndConcatenate(slot -> audit.recordSlot(host, "slot.published", null, slot))
                        .collect().asList()));
    }
}

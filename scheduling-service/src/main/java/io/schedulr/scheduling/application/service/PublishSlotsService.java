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
import io.schedulr.scheduling.domain.BusyTimes;
import io.schedulr.scheduling.domain.CalendarConflictException;
import io.schedulr.scheduling.domain.TimeWindow;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Availability goes to the database only: no room, no event that notifies anyone. */
public class PublishSlotsService implements PublishSlotsUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final SaveSlotPort slots;
    private final AuditTrailPort audit;
    private final SlotRules rules;
    private final CalendarGate gate;
    private final ConflictCheck conflicts;
    private final Clock clock;

    public PublishSlotsService(UnitOfWork tx, UserDirectoryPort users, SaveSlotPort slots, AuditTrailPort audit, SlotRules rules,
                               CalendarGate gate, Clock clock) {
        this(tx, users, slots, audit, rules, gate, ConflictCheck.none(), clock);
    }

    public PublishSlotsService(UnitOfWork tx, UserDirectoryPort users, SaveSlotPort slots, AuditTrailPort audit, SlotRules rules,
                               CalendarGate gate, ConflictCheck conflicts, Clock clock) {
        this.conflicts = conflicts;
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
        // The gate and the clash check read before the transaction: Google is asked while no connection is held.
        // The answer is a list of slots, with no room for a warning: a Google check skipped is told by its audit row only.
        return gate.requireConnected(tx, host)
                .chain(() -> command.allowOwnConflicts() ? Uni.createFrom().item(List.<ConflictCheck.SkippedCheck>of()) : clashFree(host, toInsert))
                .chain(skipped -> tx.inTransaction(() -> users.upsert(command.host())
                .chain(() -> slots.insertAll(toInsert))
                .call(inserted -> Multi.createFrom().iterable(inserted)
                        .onItem().transformToUniAndConcatenate(slot -> audit.recordSlot(host, "slot.published", null, slot))
                        .collect().asList())
                .call(() -> conflicts.auditSkipped(host, skipped))));
    }

    /**
     * One look at the host's booked sessions and Google busy times over the span of all the windows.
     *
     * @return the Google check skipped because Google did not answer (none when it answered)
     */
    private Uni<List<ConflictCheck.SkippedCheck>> clashFree(String host, List<Slot> toInsert) {
        Instant from = toInsert.stream().map(s -> s.window().start()).min(Comparator.naturalOrder()).orElseThrow();
        Instant to = toInsert.stream().map(s -> s.window().end()).max(Comparator.naturalOrder()).orElseThrow();
        return conflicts.busyLookOf(tx, host, new TimeWindow(from, to)).map(look -> {
            List<TimeWindow> clashes = toInsert.stream().flatMap(s -> BusyTimes.clashingWith(s.window(), look.busy()).stream())
                    .distinct().toList();
            if (!clashes.isEmpty()) {
                throw new CalendarConflictException(BusyTimes.clashingWith(new TimeWindow(from, to), clashes), true);
            }
            return look.skipped();
        });
    }
}

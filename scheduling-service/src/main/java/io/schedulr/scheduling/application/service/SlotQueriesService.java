package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.QuerySlotsUseCase;
import io.schedulr.scheduling.application.port.in.SlotDetails;
import io.schedulr.scheduling.application.port.in.SlotQuery;
import io.schedulr.scheduling.application.port.out.ListSlotsPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Lists slots; like every authenticated call, it refreshes the caller's profile from the token first. */
public class SlotQueriesService implements QuerySlotsUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final ListSlotsPort slots;
    private final Clock clock;

    public SlotQueriesService(UnitOfWork tx, UserDirectoryPort users, ListSlotsPort slots, Clock clock) {
        this.tx = tx;
        this.users = users;
        this.slots = slots;
        this.clock = clock;
    }

    @Override
    public Uni<List<SlotDetails>> open(UserProfile viewer, SlotQuery q) {
        Instant now = clock.instant();
        Instant from = q.from() == null || q.from().isBefore(now) ? now : q.from();
        return tx.inTransaction(() -> users.upsert(viewer)
                .chain(() -> slots.listOpen(viewer.id(), from, q.to(), q.limit(), q.offset()))
                .chain(found -> users.findAll(found.stream().map(Slot::hostId).distinct().toList())
                        .map(hosts -> found.stream().map(s -> new SlotDetails(s, hosts.get(s.hostId()))).toList())));
    }

    @Override
    public Uni<List<Slot>> mine(UserProfile host, SlotQuery q) {
        // From now unless asked otherwise: a host who has offered slots for months sees what is to come, not the oldest.
        Instant from = q.from() == null ? clock.instant() : q.from();
        return tx.inTransaction(() -> users.upsert(host)
                .chain(() -> slots.listOf(host.id(), q.status(), from, q.to(), q.limit(), q.offset())));
    }
}

package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.SlotUseCases;
import io.schedulr.scheduling.application.port.out.SlotStorePort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotStatus;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

public class SlotQueriesService implements SlotUseCases.QuerySlots {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final SlotStorePort slots;
    private final Clock clock;

    public SlotQueriesService(UnitOfWork tx, UserDirectoryPort users, SlotStorePort slots, Clock clock) {
        this.tx = tx;
        this.users = users;
        this.slots = slots;
        this.clock = clock;
    }

    @Override
    public Uni<List<Slot>> open(UserProfile viewer, Instant from, Instant to, int limit, int offset) {
        Instant now = clock.instant();
        Instant start = from == null || from.isBefore(now) ? now : from;
        return tx.inTransaction(() -> users.upsert(viewer).chain(() -> slots.listOpen(viewer.id(), start, to, limit, offset)));
    }

    @Override
    public Uni<List<Slot>> mine(UserProfile host, SlotStatus status, Instant from, Instant to, int limit, int offset) {
        return tx.inTransaction(() -> users.upsert(host).chain(() -> slots.listOf(host.id(), status, from, to, limit, offset)));
    }
}

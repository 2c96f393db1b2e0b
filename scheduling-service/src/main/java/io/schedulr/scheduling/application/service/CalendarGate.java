package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.out.AskCalendarConnectionPort;
import io.schedulr.scheduling.application.port.out.LoadCalendarConnectionPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.domain.CalendarConnection;
import io.schedulr.scheduling.domain.CalendarNotConnectedException;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * Phase 2's rule: core writes (create, book, change a room; publish or book a slot) need the caller's Google Calendar
 * connected. Reads, deletions and cancellations never ask, so nobody is trapped in a booking. When the gate is off
 * (a Phase-1-only deployment) it answers at once, without reading anything.
 */
public class CalendarGate {
    private static final Uni<Void> OPEN = Uni.createFrom().voidItem();

    private final boolean required;
    private final LoadCalendarConnectionPort connections;
    private final AskCalendarConnectionPort owner;

    /**
     * @param owner asked only when the stored state says "not connected": a person who connected a moment ago may be
     *              ahead of the connection event, and must not be refused for it
     */
    public CalendarGate(boolean required, LoadCalendarConnectionPort connections, AskCalendarConnectionPort owner) {
        this.required = required;
        this.connections = connections;
        this.owner = owner;
    }

    /** No gate: everything as in Phase 1. */
    public static CalendarGate off() {
        return new CalendarGate(false, null, null);
    }

    /**
     * This gate without asking calendar-sync-service: for work that has no caller's token to ask with (commands from
     * Kafka), the stored state alone decides.
     */
    public CalendarGate storedStateOnly() {
        return required ? new CalendarGate(true, connections, userId -> Uni.createFrom().item(false)) : this;
    }

    public boolean required() {
        return required;
    }

    /**
     * Before a use case's transaction (or before it calls out, e.g. makes a video room): the stored state read outside
     * any transaction, calendar-sync-service asked (when it must be) after that connection is given back; nothing at all
     * when the gate is off.
     */
    public Uni<Void> requireConnected(UnitOfWork tx, String userId) {
        if (!required) {
            return OPEN;
        }
        return tx.reading(() -> connections.load(userId)).chain(known -> confirmed(userId, known.orElse(null)));
    }

    /**
     * {@link #requireConnected}, then {@code read} — in the same reading session when the stored state lets the caller
     * through (the common case: one session, not two). When it says "not connected", that session is given back before
     * calendar-sync-service is asked, and {@code read} runs in a session of its own. Either way nothing of {@code read}
     * runs for a caller the gate refuses, so its answer comes first.
     */
    public <T> Uni<T> requireConnectedThenReading(UnitOfWork tx, String userId, Supplier<Uni<T>> read) {
        if (!required) {
            return tx.reading(read);
        }
        return tx.reading(() -> connections.load(userId).chain(known -> {
                    CalendarConnection stored = known.orElse(null);
                    return CalendarConnection.isConnected(stored) ? read.get().map(value -> new Gated<>(true, value, stored))
                            : Uni.createFrom().item(new Gated<T>(false, null, stored));
                }))
                .chain(gated -> gated.passed() ? Uni.createFrom().item(gated.value())
                        : confirmed(userId, gated.stored()).chain(() -> tx.reading(read)));
    }

    /** The first session: the caller passed on the stored state (and {@code value} was read), or not (only {@code stored} found). */
    private record Gated<T>(boolean passed, T value, CalendarConnection stored) {
    }

    private Uni<Void> confirmed(String userId, CalendarConnection stored) {
        return CalendarConnection.isConnected(stored)
                ? OPEN
                : owner.connectedNow(userId).map(connected -> {
                    if (!Boolean.TRUE.equals(connected)) {
                        throw new CalendarNotConnectedException();
                    }
                    return null;
                });
    }
}

package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.Transactions;

import java.util.function.Supplier;

/** One transaction over the in-memory store and outbox: work that throws leaves both as they were before it. */
final class InMemoryTransactions implements Transactions {
    private final InMemoryConnectionStore store;
    private final RecordingConnectionEvents events;
    int opened;
    private int open;

    InMemoryTransactions(InMemoryConnectionStore store, RecordingConnectionEvents events) {
        this.store = store;
        this.events = events;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        opened++;
        var rows = store.snapshot();
        var outbox = events.snapshot();
        open++;
        try {
            return work.get();
        } catch (RuntimeException e) {
            store.restore(rows);
            events.restore(outbox);
            throw e;
        } finally {
            open--;
        }
    }

    /** True while work runs in a transaction: outside calls made then would hold a database connection. */
    boolean isOpen() {
        return open > 0;
    }
}

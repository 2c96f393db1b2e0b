package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.ConnectionEvents;
import io.schedulr.calendarsync.domain.ConnectionChange;

import java.util.ArrayList;
import java.util.List;

/** The outbox in memory: what was announced (and, with {@link InMemoryTransactions}, committed). */
final class RecordingConnectionEvents implements ConnectionEvents {
    private List<ConnectionChange> published = new ArrayList<>();

    @Override
    public void publish(ConnectionChange change) {
        published.add(change);
    }

    List<ConnectionChange> published() {
        return List.copyOf(published);
    }

    List<ConnectionChange> snapshot() {
        return new ArrayList<>(published);
    }

    void restore(List<ConnectionChange> snapshot) {
        published = new ArrayList<>(snapshot);
    }
}

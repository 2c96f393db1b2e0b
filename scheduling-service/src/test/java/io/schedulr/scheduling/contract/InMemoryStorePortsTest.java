package io.schedulr.scheduling.contract;

import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.application.service.InMemoryScheduling;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

class InMemoryStorePortsTest extends StorePortsContract {
    private final InMemoryScheduling store = new InMemoryScheduling();

    @Override
    protected UnitOfWork tx() {
        return store;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected InMemoryScheduling users() {
        return store;
    }

    @SuppressWarnings("unchecked")
    @Override
    protected InMemoryScheduling rooms() {
        return store;
    }

    @SuppressWarnings("unchecked")
    @Override
    protected InMemoryScheduling slots() {
        return store;
    }

    @SuppressWarnings("unchecked")
    @Override
    protected InMemoryScheduling calendarConnections() {
        return store;
    }

    @Override
    protected <T> T run(Supplier<Uni<T>> work) {
        return work.get().await().indefinitely();
    }
}

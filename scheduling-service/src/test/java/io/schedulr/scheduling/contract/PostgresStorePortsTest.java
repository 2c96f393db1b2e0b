package io.schedulr.scheduling.contract;

import io.schedulr.scheduling.adapter.out.persistence.SqlUserDirectory;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.schedulr.scheduling.adapter.out.persistence.SqlCalendarConnectionStore;
import io.schedulr.scheduling.adapter.out.persistence.PanacheRoomRepository;
import io.schedulr.scheduling.adapter.out.persistence.PanacheSlotRepository;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;

import java.util.function.Supplier;

@QuarkusTest
class PostgresStorePortsTest extends StorePortsContract {
    @Inject
    UnitOfWork tx;
    @Inject
    SqlUserDirectory users;
    @Inject
    PanacheRoomRepository rooms;
    @Inject
    PanacheSlotRepository slots;
    @Inject
    SqlCalendarConnectionStore calendarConnections;

    @Override
    protected UnitOfWork tx() {
        return tx;
    }

    @Override
    protected SqlUserDirectory users() {
        return users;
    }

    @SuppressWarnings("unchecked")
    @Override
    protected PanacheRoomRepository rooms() {
        return rooms;
    }

    @SuppressWarnings("unchecked")
    @Override
    protected PanacheSlotRepository slots() {
        return slots;
    }

    @SuppressWarnings("unchecked")
    @Override
    protected SqlCalendarConnectionStore calendarConnections() {
        return calendarConnections;
    }

    @Override
    protected <T> T run(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        }
    }
}

package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

@ApplicationScoped
public class PanacheUnitOfWork implements UnitOfWork {
    @Override
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Panache.withTransaction(work);
    }
}

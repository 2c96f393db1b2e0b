package io.schedulr.scheduling.application.port.out;

import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/** Runs work in one database transaction: the state change and its outbox row commit together or not at all. */
public interface UnitOfWork {
    <T> Uni<T> inTransaction(Supplier<Uni<T>> work);
}

package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.ConcurrentChangeException;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction: the state change and its outbox row commit together or not at all.
 * When the transaction lost a race (something it read was changed by another one), the work runs again from the
 * start, so its rules see the new state; after a few lost races it fails with {@link ConcurrentChangeException}. When
 * the database refused a value itself, it fails with {@link UnstorableValueException}: trying again cannot help.
 */
public interface UnitOfWork {
    <T> Uni<T> inTransaction(Supplier<Uni<T>> work);

    /**
     * Runs reads outside any transaction, each seeing what is committed when it runs: for what a use case works out
     * before its transaction (e.g. whose Google calendars to ask), so nothing waits on a remote call inside one. The
     * connection is given back when the work ends; call nothing remote inside it.
     */
    <T> Uni<T> reading(Supplier<Uni<T>> work);
}

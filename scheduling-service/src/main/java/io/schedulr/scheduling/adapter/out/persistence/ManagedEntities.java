package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.OptimisticLockException;

/**
 * Changes go through the entity the transaction read, so Hibernate's version check ({@code WHERE version = ?})
 * guards every UPDATE and DELETE. A domain object read at another version than the managed entity is a lost race.
 */
final class ManagedEntities {
    private ManagedEntities() {
    }

    static <E> Uni<E> current(Class<E> type, Object id, long expectedVersion, java.util.function.ToLongFunction<E> version) {
        return Panache.getSession().chain(s -> s.find(type, id)).map(entity -> {
            if (entity == null || version.applyAsLong(entity) != expectedVersion) {
                throw new OptimisticLockException(type.getSimpleName() + " " + id + " changed since it was read");
            }
            return entity;
        });
    }

    static Uni<Void> flush() {
        return Panache.getSession().chain(s -> s.flush());
    }
}

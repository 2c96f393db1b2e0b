package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain SQL on the connection of the use case's Hibernate Reactive session, so in its transaction: for the booking path's
 * statements that need nothing of Hibernate (no entity, no result mapping), which then skip its native-query machinery
 * (parameter metadata, plan-cache lookup, the auto-flush check) on every call. Parameters are positional ({@code $1}) and
 * of the PostgreSQL client's types ({@link #at} for instants). A statement here does not flush the session first: it must
 * neither read nor write rows of an entity the session may still hold changed.
 */
final class SessionConnection {
    private SessionConnection() {
    }

    /** Rows changed. */
    static Uni<Integer> update(String sql, Object... parameters) {
        return Panache.getSession().chain(s -> Uni.createFrom().completionStage(() -> of(s).update(sql, parameters)));
    }

    /** Every row, as its columns. */
    static Uni<List<Object[]>> select(String sql, Object... parameters) {
        return Panache.getSession().chain(s -> Uni.createFrom().completionStage(() -> of(s).select(sql, parameters)))
                .map(result -> {
                    List<Object[]> rows = new ArrayList<>(result.size());
                    result.forEachRemaining(rows::add);
                    return rows;
                });
    }

    /** An instant as the PostgreSQL client binds a {@code timestamptz}. */
    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static ReactiveConnection of(Mutiny.Session session) {
        if (session instanceof MutinySessionImpl impl) {
            return impl.getReactiveConnection();
        }
        throw new IllegalStateException("not a Hibernate Reactive session: " + session.getClass().getName());
    }
}

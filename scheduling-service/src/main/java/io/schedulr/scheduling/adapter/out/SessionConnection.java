package io.schedulr.scheduling.adapter.out;

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
 * Plain SQL on the connection of the use case's Hibernate Reactive session, so in its transaction: for the statements no
 * entity expresses (the outbox and audit rows, the profile upsert, the clash check's hold and reads), which then skip
 * Hibernate's native-query machinery (parameter metadata, plan-cache lookup, the auto-flush check) on every call — a
 * fifth of scheduling-service's CPU per booking (docs/performance.md). Shared by the outbound adapters that write in the
 * use case's transaction (persistence and the outbox), so it belongs to neither. Parameters are positional ({@code $1}) and
 * of the PostgreSQL client's types ({@link #at} for instants). A statement here does not flush the session first: it must
 * neither read nor write rows of an entity the session may still hold changed.
 */
public final class SessionConnection {
    private SessionConnection() {
    }

    /** Rows changed. */
    public static Uni<Integer> update(String sql, Object... parameters) {
        return Panache.getSession().chain(s -> Uni.createFrom().completionStage(() -> of(s).update(sql, parameters)));
    }

    /** Every row, as its columns. */
    public static Uni<List<Object[]>> select(String sql, Object... parameters) {
        return Panache.getSession().chain(s -> Uni.createFrom().completionStage(() -> of(s).select(sql, parameters)))
                .map(result -> {
                    List<Object[]> rows = new ArrayList<>(result.size());
                    result.forEachRemaining(rows::add);
                    return rows;
                });
    }

    /** Lists up to this long are written out as parameters ({@link #isIn}); longer ones go as one array. */
    public static final int LISTED_UP_TO = 8;

    /**
     * {@code column IN ($first, …)} for a list of {@code count} values, or {@code column = ANY (CAST($first AS text[]))} when
     * it is longer than {@link #LISTED_UP_TO} (the values then go as one {@code String[]}). PostgreSQL plans a cached
     * statement once when its generic plan costs no more than one made for the values; for {@code = ANY} of an array it
     * guesses ten elements, so a lookup of two people by key was planned again on every call (0.05 ms each; the booking
     * path's hold 0.17 ms — docs/performance.md). The listed form costs the same either way and keeps its plan.
     */
    public static String isIn(String column, int first, int count) {
        if (count > LISTED_UP_TO) {
            return column + " = ANY (CAST($" + first + " AS text[]))";
        }
        StringBuilder sql = new StringBuilder(column).append(" IN (");
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "$" : ", $").append(first + i);
        }
        return sql.append(')').toString();
    }

    /** The parameters {@link #isIn} asks for: the values one by one, or one array. */
    public static Object[] isInValues(List<String> values) {
        return values.size() > LISTED_UP_TO ? new Object[]{values.toArray(String[]::new)} : values.toArray();
    }

    /** An instant as the PostgreSQL client binds a {@code timestamptz}. */
    public static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static ReactiveConnection of(Mutiny.Session session) {
        if (session instanceof MutinySessionImpl impl) {
            return impl.getReactiveConnection();
        }
        throw new IllegalStateException("not a Hibernate Reactive session: " + session.getClass().getName());
    }
}

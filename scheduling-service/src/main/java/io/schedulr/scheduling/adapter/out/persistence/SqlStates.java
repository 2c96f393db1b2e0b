package io.schedulr.scheduling.adapter.out.persistence;

import io.vertx.pgclient.PgException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Recognises database refusals by SQLSTATE and constraint name, never by message text. Hibernate does not extract the
 * constraint name of every kind of violation (not of exclusion constraints): then the SQLSTATE decides.
 */
final class SqlStates {
    static final String EXCLUSION_VIOLATION = "23P01";

    private SqlStates() {
    }

    static boolean violates(Throwable failure, String sqlState, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && sqlState.equals(pg.getSqlState()) && named(pg.getConstraint(), constraint)) {
                return true;
            }
            if (t instanceof ConstraintViolationException cve && sqlState.equals(cve.getSQLState())
                    && named(cve.getConstraintName(), constraint)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * The data itself was refused (SQLSTATE class 22 "data exception", e.g. a NUL byte in text or a time out of range;
     * class 23 "integrity constraint violation"): trying the same values again cannot pass.
     */
    static boolean isDataRefusal(Throwable failure) {
        return anyState(failure, state -> state.startsWith("22") || state.startsWith("23"));
    }

    /**
     * The row's own values were refused: SQLSTATE class 22 "data exception" (a NUL character in text, a time out of
     * range), a check constraint (23514) or a missing value (23502), which look at the row alone. Unlike a unique, foreign
     * key or exclusion constraint, which another transaction's change may have tripped, no retry can pass.
     */
    static boolean isRefusedValue(Throwable failure) {
        return anyState(failure, state -> state.startsWith("22") || state.equals("23514") || state.equals("23502"));
    }

    /**
     * PostgreSQL gave up the transaction to end a deadlock (40P01) or a serialization failure (40001): nothing in it was
     * wrong, it met another transaction at a bad moment, and running it again can pass.
     */
    static boolean isTransientConflict(Throwable failure) {
        return anyState(failure, state -> state.equals("40P01") || state.equals("40001"));
    }

    /** Whether the failure or one of its causes carries a SQLSTATE that {@code matches}. */
    private static boolean anyState(Throwable failure, java.util.function.Predicate<String> matches) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof PgException pg ? pg.getSqlState()
                    : t instanceof org.hibernate.JDBCException jdbc ? jdbc.getSQLState()
                    : t instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
            if (state != null && matches.test(state)) {
                return true;
            }
        }
        return false;
    }

    private static boolean named(String reported, String expected) {
        return reported == null || reported.equals(expected);
    }
}

package io.schedulr.scheduling.adapter.out.persistence.interview;

import io.vertx.pgclient.PgException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Recognises a unique index refusing a row (SQLSTATE 23505) or a foreign key its deletion (23503), by SQLSTATE and the
 * index's or constraint's name (never by message text).
 */
final class UniqueViolations {
    static final String UNIQUE_VIOLATION = "23505";
    static final String FOREIGN_KEY_VIOLATION = "23503";

    private UniqueViolations() {
    }

    static boolean of(Throwable failure, String index) {
        return violates(failure, UNIQUE_VIOLATION, index);
    }

    /** A row still referenced by {@code constraint}'s foreign key refusing its deletion (SQLSTATE 23503). */
    static boolean referenced(Throwable failure, String constraint) {
        return violates(failure, FOREIGN_KEY_VIOLATION, constraint);
    }

    private static boolean violates(Throwable failure, String sqlState, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && sqlState.equals(pg.getSqlState()) && constraint.equals(pg.getConstraint())) {
                return true;
            }
            if (t instanceof ConstraintViolationException cve && sqlState.equals(cve.getSQLState())
                    && constraint.equals(cve.getConstraintName())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** {@code text} for a LIKE pattern with {@code \} as escape: its own %, _ and \ match only themselves. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

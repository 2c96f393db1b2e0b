package io.schedulr.scheduling.adapter.out.persistence.interview;

import io.vertx.pgclient.PgException;
import org.hibernate.exception.ConstraintViolationException;

/** Recognises a unique index refusing a row, by SQLSTATE 23505 and the index name (never by message text). */
final class UniqueViolations {
    static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    static boolean of(Throwable failure, String index) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState()) && index.equals(pg.getConstraint())) {
                return true;
            }
            if (t instanceof ConstraintViolationException cve && UNIQUE_VIOLATION.equals(cve.getSQLState())
                    && index.equals(cve.getConstraintName())) {
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

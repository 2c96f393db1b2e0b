package io.schedulr.notification.adapter.in.messaging;

import io.schedulr.events.MalformedEventException;
import io.schedulr.notification.domain.InvalidRoomChangeException;
import io.vertx.pgclient.PgException;

/**
 * Tells a record that can never be handled (poison: dead-lettered) from a failure that passes (transient: retried).
 * Poison is what the record itself causes: not a valid room event, a change that cannot be notified, or data the
 * database refuses as such (SQLSTATE class 22 "data exception", e.g. a timestamp out of range, a NUL byte in text;
 * class 23 "integrity constraint violation"). Retrying those would hold the partition forever.
 */
final class PoisonRecords {

    private PoisonRecords() {
    }

    static boolean isPoison(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MalformedEventException || t instanceof InvalidRoomChangeException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    static boolean isTransient(Throwable failure) {
        return !isPoison(failure);
    }
}

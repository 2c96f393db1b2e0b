package io.schedulr.notification.adapter.in.messaging;

import io.schedulr.events.MalformedEventException;
import io.schedulr.notification.domain.InvalidRoomChangeException;

/**
 * Tells a record that can never be handled (poison: dead-lettered) from a failure that passes (transient: retried).
 * Poison is what the record itself causes: not a valid room event, or a change that cannot be notified.
 */
final class PoisonRecords {

    private PoisonRecords() {
    }

    static boolean isPoison(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MalformedEventException || t instanceof InvalidRoomChangeException) {
                return true;
            }
        }
        return false;
    }

    static boolean isTransient(Throwable failure) {
        return !isPoison(failure);
    }
}

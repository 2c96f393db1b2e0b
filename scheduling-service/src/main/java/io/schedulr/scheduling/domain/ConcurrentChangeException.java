package io.schedulr.scheduling.domain;

import java.util.UUID;

/** The room changed between reading and writing it; the client should reload and try again. */
public class ConcurrentChangeException extends DomainException {
    public ConcurrentChangeException(UUID roomId) {
        super("room_changed_concurrently", "Practice room " + roomId + " was changed by someone else just now; reload and try again.");
    }
}

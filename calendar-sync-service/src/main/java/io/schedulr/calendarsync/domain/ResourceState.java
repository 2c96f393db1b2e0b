package io.schedulr.calendarsync.domain;

import java.util.Optional;

/** The {@code X-Goog-Resource-State} of a Google Calendar push notification. */
public enum ResourceState {
    /** First message on a new channel: nothing changed yet. */
    SYNC,
    EXISTS,
    NOT_EXISTS;

    public static Optional<ResourceState> fromHeader(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value) {
            case "sync" -> Optional.of(SYNC);
            case "exists" -> Optional.of(EXISTS);
            case "not_exists" -> Optional.of(NOT_EXISTS);
            default -> Optional.empty();
        };
    }

    /** Whether the notification asks for an incremental sync of the calendar. */
    public boolean requiresSync() {
        return this != SYNC;
    }
}

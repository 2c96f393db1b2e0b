package io.schedulr.notification.domain;

import java.util.Optional;

/** The room changes this service reacts to, and the iTIP method each one sends. */
public enum RoomChangeKind {
    BOOKED,
    RESCHEDULED,
    CANCELLED,
    /** Any other change (created, updated ...): nobody is told. */
    OTHER;

    public Optional<InviteMethod> method() {
        return switch (this) {
            case BOOKED, RESCHEDULED -> Optional.of(InviteMethod.REQUEST);
            case CANCELLED -> Optional.of(InviteMethod.CANCEL);
            case OTHER -> Optional.empty();
        };
    }
}

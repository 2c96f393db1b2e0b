package io.schedulr.notification.domain;

import java.util.Optional;

/** The room changes this service reacts to, and the iTIP method each one sends. */
public enum RoomChangeKind {
    BOOKED,
    RESCHEDULED,
    CANCELLED,
    /**
     * The guest left a booked room: that meeting is cancelled for the guest who left and the host (a CANCEL with its UID
     * and the release's SEQUENCE). The room is open again under a new UID.
     */
    RELEASED,
    /** An unbooked room was deleted: nobody is told (reminders of a session it still had end). */
    DELETED,
    /** Any other change (created, updated ...): nobody is told. */
    OTHER;

    public Optional<InviteMethod> method() {
        return switch (this) {
            case BOOKED, RESCHEDULED -> Optional.of(InviteMethod.REQUEST);
            case CANCELLED, RELEASED -> Optional.of(InviteMethod.CANCEL);
            case DELETED, OTHER -> Optional.empty();
        };
    }
}

package io.schedulr.events;

import java.util.Arrays;
import java.util.Optional;

/** CloudEvents {@code type} values of room events. The suffix is the payload version. */
public enum RoomEventType {
    ROOM_CREATED("io.schedulr.room.created.v1"),
    ROOM_UPDATED("io.schedulr.room.updated.v1"),
    ROOM_BOOKED("io.schedulr.room.booked.v1"),
    ROOM_RESCHEDULED("io.schedulr.room.rescheduled.v1"),
    ROOM_CANCELLED("io.schedulr.room.cancelled.v1"),
    /**
     * The guest left a booked room (declined the invitation in Google Calendar). The payload is the booking as it ends:
     * the room's invitation UID, a SEQUENCE above the last REQUEST, and the guest who left, so their invitation can be
     * cancelled. The room is open again afterwards under a new invitation UID (a later booking is a new meeting).
     */
    ROOM_RELEASED("io.schedulr.room.released.v1"),
    /** An unbooked room was deleted: nobody had an invitation, so nobody is told. */
    ROOM_DELETED("io.schedulr.room.deleted.v1");

    private final String cloudEventType;

    RoomEventType(String cloudEventType) {
        this.cloudEventType = cloudEventType;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    /** Whether people are told about this change (an invite or a cancellation). */
    public boolean notifiesParticipants() {
        return this == ROOM_BOOKED || this == ROOM_RESCHEDULED || this == ROOM_CANCELLED || this == ROOM_RELEASED;
    }

    public static Optional<RoomEventType> fromCloudEventType(String type) {
        return Arrays.stream(values()).filter(t -> t.cloudEventType.equals(type)).findFirst();
    }
}

package io.schedulr.events;

import java.util.Arrays;
import java.util.Optional;

/** CloudEvents {@code type} values of {@link RoomCommand}s. The suffix is the payload version. */
public enum RoomCommandType {
    /** The host moved the Google event: reschedule the room to {@link RoomCommand#newStart()}. */
    RESCHEDULE_ROOM("io.schedulr.scheduling.reschedule-room.v1"),
    /** The host deleted the Google event: cancel (delete) the room. */
    CANCEL_ROOM("io.schedulr.scheduling.cancel-room.v1"),
    /** The guest declined the Google invitation: release the booking, the room is open again. */
    RELEASE_BOOKING("io.schedulr.scheduling.release-booking.v1");

    private final String cloudEventType;

    RoomCommandType(String cloudEventType) {
        this.cloudEventType = cloudEventType;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    public static Optional<RoomCommandType> fromCloudEventType(String type) {
        return Arrays.stream(values()).filter(t -> t.cloudEventType.equals(type)).findFirst();
    }
}

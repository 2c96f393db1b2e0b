package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.UserProfile;

import java.time.Instant;
import java.util.Objects;

/**
 * Changes a participant makes to a room in one step: a new time, privacy and the person a private room is offered to
 * (host), a stage (host or guest). Absent (null) fields are left alone; at least one is given.
 */
public record EditRoomCommand(UserProfile actor, RoomId roomId, Instant newStart, Boolean privateRoom, String offerTo, String stage,
                              boolean allowOwnConflicts) {
    public EditRoomCommand(UserProfile actor, RoomId roomId, Instant newStart, Boolean privateRoom, String offerTo, String stage) {
        this(actor, roomId, newStart, privateRoom, offerTo, stage, false);
    }

    public EditRoomCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(roomId, "roomId");
        if (newStart == null && privateRoom == null && offerTo == null && stage == null) {
            throw new InvalidRequestException("nothing_to_update", "Give at least one of guestId, datetimeUtc, private, offerTo, stage.");
        }
    }
}

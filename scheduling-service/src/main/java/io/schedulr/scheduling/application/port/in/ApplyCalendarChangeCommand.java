package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.RoomId;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A change {@code actorId} made in Google Calendar to the event of room {@code roomId}, seen by calendar-sync-service
 * while the room's invitation was at {@code sequence}. Invalid values are refused here ({@link InvalidRequestException}).
 *
 * @param icsUid   the invitation UID the Google event carries; when given (not blank), it must be the room's
 * @param newStart the new start (a reschedule only); the room keeps its own length
 */
public record ApplyCalendarChangeCommand(Change change, RoomId roomId, String icsUid, String actorId, Instant newStart, int sequence) {

    public enum Change {
        /** The host moved the event. */
        RESCHEDULE,
        /** The host deleted the event. */
        CANCEL,
        /** The guest declined the invitation. */
        RELEASE_BOOKING
    }

    public ApplyCalendarChangeCommand {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(roomId, "roomId");
        if (actorId == null || actorId.isBlank()) {
            throw invalid("the actor is missing");
        }
        if (icsUid != null && icsUid.isBlank()) {
            icsUid = null;
        }
        if (change == Change.RESCHEDULE && newStart == null) {
            throw invalid("a reschedule needs the new start");
        }
    }

    /** From the values as they arrive: ids as text. */
    public static ApplyCalendarChangeCommand of(Change change, String roomId, String icsUid, String actorId, Instant newStart,
                                                int sequence) {
        return new ApplyCalendarChangeCommand(change, new RoomId(uuid(roomId, "room id")), icsUid, actorId, newStart, sequence);
    }

    private static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(Objects.requireNonNull(value, what));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid("the " + what + " is not a UUID: " + value);
        }
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException("invalid_room_command", message + ".");
    }
}

package io.schedulr.scheduling.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.schedulr.scheduling.application.port.in.RoomDetails;
import io.schedulr.scheduling.domain.PracticeRoom;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A room as the API shows it. Who booked it, its stage and video link are shown to the host and the guest only; whom a
 * private room is offered to, to the host only.
 */
@Schema(description = "A practice room as the caller may see it.")
public record RoomResponse(
        @Schema(description = "Room id (a UUID).", example = "3f6c2a9e-1b7d-4c5e-9a8f-2d4b6c8e0f12") String id,
        @Schema(description = "The host's user id.", example = "google-oauth2|104729374659283746501") String hostId,
        @Schema(description = "The guest's user id; only for the host and the guest, null while open.",
                example = "google-oauth2|118263548790123456789", nullable = true)
        String guestId,
        @Schema(description = "The interview round; only for the host and the guest.", example = "Round 2: system design", nullable = true)
        String stage,
        @Schema(description = "The video room link; only for the host and the guest.",
                example = "https://meet.jit.si/schedulr-3f6c2a9e1b7d4c5e", nullable = true)
        String roomUrl,
        @Schema(description = "Whether the room is private.", example = "false", name = "private")
        @JsonProperty("private") boolean privateRoom,
        @Schema(description = "Only for the host of a private room: whom it is offered to.",
                example = "google-oauth2|118263548790123456789", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) String offeredTo,
        @Schema(description = "Only for the host of a private room offered to someone: that person.", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) PersonResponse offeredToPerson,
        @Schema(description = "Whether someone booked it.", example = "true") boolean booked,
        @Schema(description = "When it was created (UTC).", example = "2029-12-01T08:12:45.120Z") Instant createdAt,
        @Schema(description = "When the session starts (UTC).", example = "2030-01-15T10:00:00Z") Instant datetimeUtc,
        @Schema(description = "When the session ends (UTC): the slot's end for a room booked from a slot, otherwise the start "
                + "plus the default session length; a reschedule keeps the length.", example = "2030-01-15T11:00:00Z") Instant endUtc,
        @Schema(description = "The host.") PersonResponse host,
        @Schema(description = "The guest; only for the host and the guest.", nullable = true) PersonResponse guest,
        @Schema(description = "What the caller should know although the change was made: calendar_unavailable means the "
                + "caller's Google calendar could not be checked for clashes. Left out when there is nothing.",
                example = "[\"calendar_unavailable\"]")
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

    static RoomResponse of(RoomDetails details, String viewerId) {
        PracticeRoom room = details.room();
        boolean participant = room.isParticipant(viewerId);
        return new RoomResponse(room.id().toString(), room.hostId(), participant ? room.guestId() : null,
                participant ? room.stage() : null, participant ? room.roomUrl() : null, room.privateRoom(),
                room.isHost(viewerId) ? room.offeredTo() : null, room.isHost(viewerId) ? PersonResponse.of(details.offeredTo()) : null,
                room.isBooked(), room.createdAt(), room.start(), room.window().end(),
                PersonResponse.of(details.host()), participant ? PersonResponse.of(details.guest()) : null, details.warnings());
    }
}

package io.schedulr.scheduling.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.schedulr.scheduling.application.port.in.RoomDetails;
import io.schedulr.scheduling.domain.PracticeRoom;

import java.time.Instant;

/**
 * A room as the API shows it. Who booked it, its stage and video link are shown to the host and the guest only; whom a
 * private room is offered to, to the host only.
 */
public record RoomResponse(
        String id,
        String hostId,
        String guestId,
        String stage,
        String roomUrl,
        @JsonProperty("private") boolean privateRoom,
        @JsonInclude(JsonInclude.Include.NON_NULL) String offeredTo,
        boolean booked,
        Instant createdAt,
        Instant datetimeUtc,
        PersonResponse host,
        PersonResponse guest) {

    static RoomResponse of(RoomDetails details, String viewerId) {
        PracticeRoom room = details.room();
        boolean participant = room.isParticipant(viewerId);
        return new RoomResponse(room.id().toString(), room.hostId(), participant ? room.guestId() : null,
                participant ? room.stage() : null, participant ? room.roomUrl() : null, room.privateRoom(),
                room.isHost(viewerId) ? room.offeredTo() : null, room.isBooked(), room.createdAt(), room.start(),
                PersonResponse.of(details.host()), participant ? PersonResponse.of(details.guest()) : null);
    }
}

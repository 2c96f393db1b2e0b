package io.schedulr.scheduling.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.schedulr.scheduling.application.port.in.RoomDetails;
import io.schedulr.scheduling.domain.PracticeRoom;

import java.time.Instant;

/**
 * A room as the API shows it. The video link is shown to the host and the guest only.
 */
public record RoomResponse(
        String id,
        String hostId,
        String guestId,
        String stage,
        String roomUrl,
        @JsonProperty("private") boolean privateRoom,
        boolean booked,
        Instant createdAt,
        Instant datetimeUtc,
        PersonResponse host,
        PersonResponse guest) {

    static RoomResponse of(RoomDetails details, String viewerId) {
        PracticeRoom room = details.room();
        return new RoomResponse(room.id().toString(), room.hostId(), room.guestId(), room.stage(),
                room.isParticipant(viewerId) ? room.roomUrl() : null, room.privateRoom(), room.isBooked(), room.createdAt(),
                room.start(), PersonResponse.of(details.host()), PersonResponse.of(details.guest()));
    }
}

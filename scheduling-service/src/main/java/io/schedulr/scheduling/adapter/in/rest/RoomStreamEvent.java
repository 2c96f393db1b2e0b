package io.schedulr.scheduling.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.RoomEvent;

import java.time.Instant;

/**
 * One item of the live stream. {@code type} is "connected", "heartbeat" or the room event's type
 * (e.g. {@code io.schedulr.room.booked.v1}). Non-participants never see the guest or the video link.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoomStreamEvent(String type, String eventId, Instant time, Room room) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Room(String id, String hostId, String hostName, String guestId, String guestName, boolean booked,
                       @JsonProperty("private") boolean privateRoom, Instant datetimeUtc, String stage, String roomUrl) {
    }

    static RoomStreamEvent connected() {
        return new RoomStreamEvent("connected", null, Instant.now(), null);
    }

    static RoomStreamEvent heartbeat() {
        return new RoomStreamEvent("heartbeat", null, Instant.now(), null);
    }

    /** Whether this person may see this change at all. */
    static boolean visibleTo(String viewerId, CloudEvent<RoomEvent> event) {
        return isParticipant(viewerId, event.data()) || !event.data().privateRoom();
    }

    static RoomStreamEvent of(CloudEvent<RoomEvent> event, String viewerId) {
        RoomEvent e = event.data();
        boolean participant = isParticipant(viewerId, e);
        boolean booked = e.guest() != null;
        Room room = new Room(e.roomId(), e.host().id(), e.host().name(),
                participant && booked ? e.guest().id() : null,
                participant && booked ? e.guest().name() : null,
                booked, e.privateRoom(), e.startUtc(), e.stage(), participant ? e.roomUrl() : null);
        return new RoomStreamEvent(event.type(), event.id(), event.time(), room);
    }

    private static boolean isParticipant(String viewerId, RoomEvent e) {
        return viewerId.equals(e.host().id()) || (e.guest() != null && viewerId.equals(e.guest().id()));
    }
}

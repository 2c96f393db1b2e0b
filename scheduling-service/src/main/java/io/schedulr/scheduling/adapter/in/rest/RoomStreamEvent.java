package io.schedulr.scheduling.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.schedulr.scheduling.application.port.in.LiveRoomChange;

import java.time.Instant;

/**
 * One item of the live stream. {@code type} is "connected", "heartbeat" or the room event's type
 * (e.g. {@code io.schedulr.room.booked.v1}), "reload" when a reconnecting client missed more than the stream can
 * replay (it should list the rooms again), or "hidden" with only the room's id when a room the viewer could see is no
 * longer visible to them (made private, offered to someone else, or they left a private room's booking). What a viewer
 * may see was decided by the use case.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoomStreamEvent(String type, String eventId, Instant time, Room room) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Room(String id, String hostId, String hostName, String guestId, String guestName, Boolean booked,
                       @JsonProperty("private") Boolean privateRoom, Instant datetimeUtc, Instant endUtc, String stage, String roomUrl) {
    }

    static RoomStreamEvent connected(Instant now) {
        return new RoomStreamEvent("connected", null, now, null);
    }

    static RoomStreamEvent heartbeat(Instant now) {
        return new RoomStreamEvent("heartbeat", null, now, null);
    }

    /** {@code now}: the time of a reload, which has no event of its own. */
    static RoomStreamEvent of(LiveRoomChange c, Instant now) {
        if (c.isReload()) {
            return new RoomStreamEvent(LiveRoomChange.RELOAD, null, now, null);
        }
        if (c.isHidden()) {
            return new RoomStreamEvent(c.type(), c.eventId(), c.time(), new Room(c.roomId(), null, null, null, null, null, null, null, null,
                    null, null));
        }
        Room room = new Room(c.roomId(), c.hostId(), c.hostName(), c.guestId(), c.guestName(), c.booked(), c.privateRoom(), c.start(),
                c.end(), c.stage(), c.roomUrl());
        return new RoomStreamEvent(c.type(), c.eventId(), c.time(), room);
    }
}

package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.RoomAccess;

import java.time.Instant;

/**
 * One room change on the live stream.
 *
 * @param type    the published event type (e.g. {@code io.schedulr.room.booked.v1})
 * @param guestId   null while unbooked, and for viewers who may not know who booked
 * @param offeredTo the person a private room is offered to, if any
 */
public record LiveRoomChange(String type, String eventId, Instant time, String roomId, String hostId, String hostName,
                             String guestId, String guestName, boolean booked, boolean privateRoom, String offeredTo,
                             Instant start, String stage, String roomUrl) {

    /** Type of the item a stream starts with when it cannot give a reconnecting client what it missed. */
    public static final String RELOAD = "reload";

    public static LiveRoomChange reload() {
        return new LiveRoomChange(RELOAD, null, null, null, null, null, null, null, false, false, null, null, null, null);
    }

    public boolean isReload() {
        return RELOAD.equals(type);
    }

    public boolean visibleTo(String viewer) {
        if (isReload()) {
            return true;
        }
        return RoomAccess.canSee(hostId, guestId, privateRoom, offeredTo, viewer);
    }

    public boolean hasParticipant(String viewer) {
        return RoomAccess.isParticipant(hostId, guestId, viewer);
    }
}

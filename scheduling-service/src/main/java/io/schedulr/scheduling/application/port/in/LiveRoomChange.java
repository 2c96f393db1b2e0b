package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.RoomAccess;

import java.time.Instant;

/**
 * One room change on the live stream.
 *
 * @param type    the published event type (e.g. {@code io.schedulr.room.booked.v1})
 * @param guestId null while unbooked, and for viewers who may not know who booked
 */
public record LiveRoomChange(String type, String eventId, Instant time, String roomId, String hostId, String hostName,
                             String guestId, String guestName, boolean booked, boolean privateRoom, Instant start,
                             String stage, String roomUrl) {

    public boolean visibleTo(String viewer) {
        return RoomAccess.canSee(hostId, guestId, privateRoom, viewer);
    }

    public boolean hasParticipant(String viewer) {
        return RoomAccess.isParticipant(hostId, guestId, viewer);
    }
}

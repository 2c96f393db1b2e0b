package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.RoomIds;
import io.schedulr.scheduling.domain.Timestamps;
import io.schedulr.scheduling.domain.UserProfile;

import java.time.Instant;
import java.util.UUID;

/**
 * One update request. Absent fields are left alone.
 *
 * @param booking      the request names a guest (a booking); {@code guestId} null then means the caller
 * @param datetimeUtc  new start, or null
 * @param privateRoom  new privacy, or null
 * @param stage        new stage, or null; stored exactly as sent
 */
public record UpdateRoomCommand(UserProfile actor, UUID roomId, boolean booking, String guestId, Instant datetimeUtc,
                                Boolean privateRoom, String stage) {

    public static UpdateRoomCommand of(UserProfile actor, String roomId, boolean booking, String guestId, String datetimeUtc,
                                       Boolean privateRoom, String stage) {
        UUID id = RoomIds.parse(roomId);
        Instant when = datetimeUtc == null ? null : Timestamps.parseUtc("datetimeUtc", datetimeUtc);
        if (!booking && when == null && privateRoom == null && stage == null) {
            throw new InvalidRequestException("nothing_to_update", "Give at least one of guestId, datetimeUtc, private, stage.");
        }
        if (stage != null && stage.length() > 200) {
            throw new InvalidRequestException("invalid_stage", "'stage' is at most 200 characters.");
        }
        return new UpdateRoomCommand(actor, id, booking, guestId == null ? actor.id() : guestId, when, privateRoom, stage);
    }

    public boolean changesSchedule() {
        return datetimeUtc != null || privateRoom != null;
    }
}

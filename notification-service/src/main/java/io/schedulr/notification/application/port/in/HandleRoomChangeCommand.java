package io.schedulr.notification.application.port.in;

import io.schedulr.notification.domain.InvalidRoomChangeException;
import io.schedulr.notification.domain.Meeting;
import io.schedulr.notification.domain.Person;
import io.schedulr.notification.domain.RoomChangeKind;

import java.time.Instant;

/**
 * A room change as the event said it.
 *
 * @param changedAt when the change happened (the event's time); null when unknown
 * @param guest     null while the room is not booked
 */
public record HandleRoomChangeCommand(String eventId, Instant changedAt, RoomChangeKind kind, String roomId, String icsUid,
                                      int sequence, Instant start, Instant end, String title, String roomUrl, Person host, Person guest) {
    public HandleRoomChangeCommand {
        if (eventId == null || eventId.isBlank()) {
            throw new InvalidRoomChangeException("missing event id");
        }
        if (kind == null) {
            throw new InvalidRoomChangeException("missing kind");
        }
    }

    /** The meeting the change describes; throws {@link InvalidRoomChangeException} when it cannot be one. */
    public Meeting meeting() {
        return new Meeting(roomId, icsUid, sequence, start, end, title, roomUrl, host, guest);
    }
}

package io.schedulr.calendarsync.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One room change to mirror onto the host's dedicated calendar, as scheduling-service announced it.
 *
 * @param eventId    the CloudEvent id (a redelivery carries the same one)
 * @param sequence   the room's iCalendar SEQUENCE after this change: a room's changes apply in this order
 * @param hostId     the host's Google account id ({@code sub})
 * @param timeZone   the host's time zone, for the event's start and end
 * @param guestEmail null when the change has no guest
 * @param guestId    the guest's Google account id ({@code sub}); null when the change has no guest or it is unknown
 * @param announcement the room event as scheduling-service published it (opaque here), passed on untouched when the change
 *                     cannot reach Google; null when unknown
 */
public record RoomChange(String eventId, RoomChangeKind kind, String roomId, int sequence, String icsUid, String hostId,
                         String timeZone, String guestEmail, String guestName, String title, String roomUrl, Instant startUtc,
                         Instant endUtc, String announcement, String guestId) {

    public RoomChange(String eventId, RoomChangeKind kind, String roomId, int sequence, String icsUid, String hostId, String timeZone,
                      String guestEmail, String guestName, String title, String roomUrl, Instant startUtc, Instant endUtc) {
        this(eventId, kind, roomId, sequence, icsUid, hostId, timeZone, guestEmail, guestName, title, roomUrl, startUtc, endUtc, null, null);
    }

    public RoomChange {
        requireText(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        requireText(roomId, "roomId");
        requireText(icsUid, "icsUid");
        requireText(hostId, "hostId");
        Objects.requireNonNull(startUtc, "startUtc");
        Objects.requireNonNull(endUtc, "endUtc");
        if (!endUtc.isAfter(startUtc)) {
            throw new IllegalArgumentException("a room change must end after it starts");
        }
        if (timeZone == null || timeZone.isBlank()) {
            timeZone = "UTC";
        }
        if (title == null || title.isBlank()) {
            title = "Schedulr session";
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}

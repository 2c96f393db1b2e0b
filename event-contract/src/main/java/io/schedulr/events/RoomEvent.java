package io.schedulr.events;

import java.time.Instant;

/**
 * Payload ({@code data}) of every room event. Carries the whole room state so consumers never call back.
 *
 * @param sequence iCalendar SEQUENCE of the room's invitation after this change
 * @param guest     null while the room is not booked
 * @param offeredTo the user id a private room is offered to (who, besides the participants, may see it); null if none
 * @param wasPrivate   whether the room was private before this change; null for a new room (and from older producers)
 * @param wasOfferedTo who the room was offered to before this change; null if nobody (or unknown)
 */
public record RoomEvent(
        String roomId,
        String icsUid,
        int sequence,
        Instant startUtc,
        Instant endUtc,
        String title,
        String roomUrl,
        boolean privateRoom,
        String stage,
        Participant host,
        Participant guest,
        String offeredTo,
        Boolean wasPrivate,
        String wasOfferedTo) {

    /** Without who could see the room before the change (unknown to consumers). */
    public RoomEvent(String roomId, String icsUid, int sequence, Instant startUtc, Instant endUtc, String title, String roomUrl,
                     boolean privateRoom, String stage, Participant host, Participant guest, String offeredTo) {
        this(roomId, icsUid, sequence, startUtc, endUtc, title, roomUrl, privateRoom, stage, host, guest, offeredTo, null, null);
    }

    /** A room offered to nobody in particular. */
    public RoomEvent(String roomId, String icsUid, int sequence, Instant startUtc, Instant endUtc, String title, String roomUrl,
                     boolean privateRoom, String stage, Participant host, Participant guest) {
        this(roomId, icsUid, sequence, startUtc, endUtc, title, roomUrl, privateRoom, stage, host, guest, null);
    }
}

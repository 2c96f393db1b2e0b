package io.schedulr.calendarsync.domain;

import java.time.Instant;

/**
 * An event as Google listed it in a sync of a dedicated calendar.
 *
 * @param roomId    our private {@code schedulrRoomId} property; null for an event we did not make (never touched)
 * @param cancelled deleted in Google (an incremental sync reports it with status {@code cancelled})
 * @param startUtc  null for an all-day or cancelled event
 */
public record ObservedEvent(String eventId, String roomId, boolean cancelled, Instant startUtc, Instant endUtc) {
    public boolean ours() {
        return roomId != null && !roomId.isBlank();
    }
}

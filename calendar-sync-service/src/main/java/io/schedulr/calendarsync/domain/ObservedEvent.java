package io.schedulr.calendarsync.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * An event as Google listed it in a sync of a dedicated calendar.
 *
 * @param roomId    our private {@code schedulrRoomId} property; null for an event we did not make (never touched), and for
 *                  a deletion an incremental sync lists (Google gives its id and status alone)
 * @param cancelled deleted in Google (an incremental sync reports it with status {@code cancelled})
 * @param startUtc  null for an all-day or cancelled event
 * @param declinedBy the attendees (lower-case email) who declined the invitation
 * @param updated   the event's last change, by Google's clock ({@code updated}); null when not known
 */
public record ObservedEvent(String eventId, String roomId, boolean cancelled, Instant startUtc, Instant endUtc, Set<String> declinedBy,
                            Instant updated) {
    public ObservedEvent(String eventId, String roomId, boolean cancelled, Instant startUtc, Instant endUtc) {
        this(eventId, roomId, cancelled, startUtc, endUtc, Set.of(), null);
    }

    public ObservedEvent(String eventId, String roomId, boolean cancelled, Instant startUtc, Instant endUtc, Set<String> declinedBy) {
        this(eventId, roomId, cancelled, startUtc, endUtc, declinedBy, null);
    }

    public boolean declinedBy(String email) {
        return email != null && declinedBy.contains(email.toLowerCase(Locale.ROOT));
    }

    /** Whether Google lists the event at exactly this time (a whole-day or cancelled event shows none). */
    public boolean shows(Instant start, Instant end) {
        return startUtc != null && endUtc != null && startUtc.equals(start) && endUtc.equals(end);
    }

    public boolean ours() {
        return roomId != null && !roomId.isBlank();
    }
}

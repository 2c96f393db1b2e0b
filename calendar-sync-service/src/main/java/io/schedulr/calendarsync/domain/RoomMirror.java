package io.schedulr.calendarsync.domain;

/**
 * A room as it stands on its host's Google Calendar: the Google event that mirrors it (the PRD's {@code google_event_id},
 * mapped to the room's {@code ics_uid}) and the last change applied.
 *
 * @param googleEventId null when the room was cancelled before any event existed
 */
public record RoomMirror(String roomId, String icsUid, String googleEventId, String hostId, String calendarId, int lastSequence,
                         boolean cancelled) {

    /**
     * Why a change must not be applied on top of this mirror (a late, lower sequence, or anything but a cancellation
     * after the cancellation), or null when it may.
     */
    public String refuses(RoomChange change) {
        if (change.sequence() < lastSequence) {
            return "sequence " + change.sequence() + " is older than the applied " + lastSequence;
        }
        if (cancelled && change.kind() != RoomChangeKind.CANCELLED) {
            return change.kind().name().toLowerCase(java.util.Locale.ROOT) + " after the room was cancelled";
        }
        return null;
    }
}

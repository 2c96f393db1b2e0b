package io.schedulr.calendarsync.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A room as it stands on its host's Google Calendar: the Google event that mirrors it (the PRD's {@code google_event_id},
 * mapped to the room's {@code ics_uid}), the last change applied, and the time the event shows as far as we know —
 * what we wrote, or what we saw the host change it to. A Google event that shows exactly that is not a change a
 * person made, which is how changes we made ourselves never come back as commands.
 *
 * @param googleEventId null when the room was cancelled before any event existed
 * @param startUtc      null for a mirror recorded before the start was kept (then Google-side moves are not judged)
 */
public record RoomMirror(String roomId, String icsUid, String googleEventId, String hostId, String calendarId, int lastSequence,
                         boolean cancelled, Instant startUtc, Instant endUtc, String guestEmail) {

    /**
     * Why a change must not be applied on top of this mirror (a late, lower sequence, or anything but a cancellation
     * after the cancellation), or null when it may.
     */
    public String refuses(RoomChange change) {
        if (change.sequence() < lastSequence) {
            return "sequence " + change.sequence() + " is older than the applied " + lastSequence;
        }
        if (cancelled && change.kind() != RoomChangeKind.CANCELLED) {
            return change.kind().name().toLowerCase(Locale.ROOT) + " after the room was cancelled";
        }
        return null;
    }

    /** Whether the Google event already shows the change's time (then there is nothing to move). */
    public boolean shows(RoomChange change) {
        return !cancelled && googleEventId != null && change.startUtc().equals(startUtc) && change.endUtc().equals(endUtc);
    }

    /**
     * What the host did to the room's event in Google, judged against what we hold, or empty when the event shows what
     * we hold (our own write coming back, or a change that does not concern the room, such as the title).
     */
    public Optional<HostEdit> judge(ObservedEvent event) {
        if (cancelled || googleEventId == null || !googleEventId.equals(event.eventId())) {
            return Optional.empty();
        }
        if (event.cancelled()) {
            return Optional.of(HostEdit.deletion());
        }
        if (startUtc == null || event.startUtc() == null || event.endUtc() == null) {
            return Optional.empty();
        }
        if (event.startUtc().equals(startUtc) && event.endUtc().equals(endUtc)) {
            return Optional.empty();
        }
        return Optional.of(HostEdit.moved(event.startUtc(), event.endUtc()));
    }

    /** The mirror once the host's edit is taken as what Google shows, so it is judged once only. */
    public RoomMirror after(HostEdit edit) {
        Objects.requireNonNull(edit, "edit");
        if (edit.deleted()) {
            return new RoomMirror(roomId, icsUid, googleEventId, hostId, calendarId, lastSequence, true, startUtc, endUtc, guestEmail);
        }
        return new RoomMirror(roomId, icsUid, googleEventId, hostId, calendarId, lastSequence, false, edit.newStart(), edit.newEnd(),
                guestEmail);
    }

    /** An edit the host made in Google: the event was deleted, or moved to a new time. */
    public record HostEdit(boolean deleted, Instant newStart, Instant newEnd) {
        public static HostEdit deletion() {
            return new HostEdit(true, null, null);
        }

        public static HostEdit moved(Instant newStart, Instant newEnd) {
            return new HostEdit(false, Objects.requireNonNull(newStart), Objects.requireNonNull(newEnd));
        }
    }
}

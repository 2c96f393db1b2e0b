package io.schedulr.calendarsync.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A room's meeting as it stands on its host's Google Calendar: the Google event that mirrors it (the PRD's
 * {@code google_event_id}, mapped to the meeting's {@code ics_uid}), the last change applied, and the time the event
 * shows as far as we know — what we wrote, or what we saw the host change it to. A Google event that shows exactly that
 * is not a change a person made, which is how changes we made ourselves never come back as commands.
 *
 * @param googleEventId null when the meeting ended before any event existed
 * @param cancelled     the meeting's event is gone (cancelled, deleted in Google, or the guest left)
 * @param startUtc      null for a mirror recorded before the start was kept (then Google-side moves are not judged)
 * @param endUtc        null also while the host's whole-day event is being put back at the start ({@link GoogleEdit.Kind#WHOLE_DAY})
 * @param releaseAsked  the guest's decline was seen and passed on once
 * @param lastWriteUpdated Google's {@code updated} of the event as our last insert or move left it; null when not known
 */
public record RoomMirror(String roomId, String icsUid, String googleEventId, String hostId, String calendarId, int lastSequence,
                         boolean cancelled, Instant startUtc, Instant endUtc, String guestEmail, String guestId, boolean releaseAsked,
                         Instant lastWriteUpdated) {

    public RoomMirror(String roomId, String icsUid, String googleEventId, String hostId, String calendarId, int lastSequence, boolean cancelled,
                      Instant startUtc, Instant endUtc, String guestEmail, String guestId, boolean releaseAsked) {
        this(roomId, icsUid, googleEventId, hostId, calendarId, lastSequence, cancelled, startUtc, endUtc, guestEmail, guestId, releaseAsked,
                null);
    }

    /**
     * Whether Google listed the event as it was at or before our last write of it. A sync reads its listing before judging
     * it, and the mirror worker may write the event in between: what such a listing shows is older than our write, and
     * taken as a person's edit it would undo it (a move back to the old time).
     */
    boolean listedBeforeOurLastWrite(ObservedEvent event) {
        return lastWriteUpdated != null && event.updated() != null && !event.updated().isAfter(lastWriteUpdated);
    }

    /**
     * Why a change must not be applied on top of this mirror, or null when it may: a late, lower sequence of this
     * meeting; anything but its end after the meeting ended; a change of an earlier meeting of the room. A booking under
     * a new invitation UID after the meeting ended (the guest left) is a new meeting and always may.
     */
    public String refuses(RoomChange change) {
        if (!icsUid.equals(change.icsUid())) {
            if (cancelled && change.kind() == RoomChangeKind.BOOKED) {
                return null;
            }
            return "change of another meeting of the room (" + change.icsUid() + ", now " + icsUid + ")";
        }
        if (change.sequence() < lastSequence) {
            return "sequence " + change.sequence() + " is older than the applied " + lastSequence;
        }
        if (cancelled && !change.kind().ends()) {
            return change.kind().name().toLowerCase(Locale.ROOT) + " after the room was cancelled";
        }
        return null;
    }

    /** Whether a change starts a new meeting in the room (the event of the earlier one is not this one's). */
    public boolean isEarlierMeetingOf(RoomChange change) {
        return !icsUid.equals(change.icsUid());
    }

    /** Whether the Google event already shows the change's time (then there is nothing to move). */
    public boolean shows(RoomChange change) {
        return !cancelled && googleEventId != null && change.startUtc().equals(startUtc) && change.endUtc().equals(endUtc);
    }

    /**
     * Whether the change is the room following a move the host made in Google: the start they gave the event, at the
     * sequence that move led to ({@link #after}). The room keeps its own length, so the event may still need its end
     * set back — but the guest was told of the move by Google already.
     */
    public boolean followsMoveIn(RoomChange change) {
        return !cancelled && googleEventId != null && startUtc != null && endUtc != null && change.startUtc().equals(startUtc)
                && change.sequence() == lastSequence;
    }

    /**
     * Why the change undoes what the host did to the event in Google, or empty when it does not. A move made in Google
     * leaves this mirror at the SEQUENCE the room reaches by following it ({@link #after}); a rescheduled event at that
     * SEQUENCE showing another time is the room not following: the length set back (the start followed, the room keeps
     * its length), a start that had passed, or a newer change made in the app winning.
     */
    public Optional<PutBack> putsBack(RoomChange change, Instant now) {
        if (change.kind() != RoomChangeKind.RESCHEDULED || cancelled || googleEventId == null || startUtc == null
                || change.sequence() != lastSequence) {
            return Optional.empty();
        }
        if (endUtc == null) {
            return Optional.of(PutBack.WHOLE_DAY);
        }
        if (shows(change)) {
            return Optional.empty();
        }
        if (change.startUtc().equals(startUtc)) {
            return Optional.of(PutBack.LENGTH);
        }
        return Optional.of(startUtc.isAfter(now) ? PutBack.NEWER_CHANGE : PutBack.PAST);
    }

    /** Why a change made in Google was undone. */
    public enum PutBack {
        /** The event's length: a session keeps its own. */
        LENGTH,
        /** A start that had passed. */
        PAST,
        /** A change made in the app at the same time won. */
        NEWER_CHANGE,
        /** A whole day: a session has a start and an end. */
        WHOLE_DAY
    }

    /**
     * What a person did to the meeting's event in Google, judged against what we hold, or empty when the event shows
     * what we hold (our own write coming back, or a change that does not concern the room, such as the title).
     */
    public Optional<GoogleEdit> judge(ObservedEvent event) {
        if (cancelled || googleEventId == null || !googleEventId.equals(event.eventId())) {
            return Optional.empty();
        }
        // A deletion or a decline is judged whenever it was listed: none of our writes undoes either (a move made just after
        // the person's deletion or decline leaves it as it is, stamped with our write). Only a time is ours to write.
        if (event.cancelled()) {
            return Optional.of(GoogleEdit.deletion());
        }
        if (!releaseAsked && guestId != null && event.declinedBy(guestEmail)) {
            return Optional.of(GoogleEdit.decline());
        }
        if (listedBeforeOurLastWrite(event)) {
            return Optional.empty();
        }
        if (event.startUtc() == null && startUtc != null && endUtc != null) {
            // Made a whole-day event (Google lists it with a date, no time): the room cannot follow; it is put back.
            return Optional.of(GoogleEdit.wholeDay(startUtc, endUtc));
        }
        if (startUtc == null || event.startUtc() == null || event.endUtc() == null) {
            return Optional.empty();
        }
        if (event.shows(startUtc, endUtc)) {
            return Optional.empty();
        }
        return Optional.of(GoogleEdit.moved(event.startUtc(), event.endUtc()));
    }

    /** The mirror once the edit is taken as what Google shows, so it is judged once only. */
    public RoomMirror after(GoogleEdit edit) {
        Objects.requireNonNull(edit, "edit");
        return switch (edit.kind()) {
            case DELETED -> new RoomMirror(roomId, icsUid, googleEventId, hostId, calendarId, lastSequence, true, startUtc, endUtc, guestEmail,
                    guestId, releaseAsked, lastWriteUpdated);
            case DECLINED -> new RoomMirror(roomId, icsUid, googleEventId, hostId, calendarId, lastSequence, false, startUtc, endUtc, guestEmail,
                    guestId, true, lastWriteUpdated);
            // The room will be at the next sequence once scheduling-service follows the move: the host's next edit is made
            // against that, and the room's rescheduled event coming back (or an older one) moves nothing at Google.
            case MOVED -> new RoomMirror(roomId, icsUid, googleEventId, hostId, calendarId, lastSequence + 1, false, edit.newStart(),
                    edit.newEnd(), guestEmail, guestId, releaseAsked, lastWriteUpdated);
            // The room is asked to stay at its time, one SEQUENCE up; no end until then marks the event as showing another.
            case WHOLE_DAY -> new RoomMirror(roomId, icsUid, googleEventId, hostId, calendarId, lastSequence + 1, false, startUtc,
                    null, guestEmail, guestId, releaseAsked, lastWriteUpdated);
        };
    }

    /** Who did it: the host moves or deletes, the guest declines. */
    public String actorOf(GoogleEdit edit) {
        return edit.kind() == GoogleEdit.Kind.DECLINED ? guestId : hostId;
    }

    /**
     * An edit a person made in Google: the host deleted or moved the event, made it a whole-day event (then
     * {@code newStart} and {@code newEnd} are the room's own time, which it keeps), or the guest declined it.
     */
    public record GoogleEdit(Kind kind, Instant newStart, Instant newEnd) {
        public enum Kind { DELETED, MOVED, WHOLE_DAY, DECLINED }

        public static GoogleEdit deletion() {
            return new GoogleEdit(Kind.DELETED, null, null);
        }

        public static GoogleEdit decline() {
            return new GoogleEdit(Kind.DECLINED, null, null);
        }

        public static GoogleEdit moved(Instant newStart, Instant newEnd) {
            return new GoogleEdit(Kind.MOVED, Objects.requireNonNull(newStart), Objects.requireNonNull(newEnd));
        }

        public static GoogleEdit wholeDay(Instant keptStart, Instant keptEnd) {
            return new GoogleEdit(Kind.WHOLE_DAY, Objects.requireNonNull(keptStart), Objects.requireNonNull(keptEnd));
        }
    }
}

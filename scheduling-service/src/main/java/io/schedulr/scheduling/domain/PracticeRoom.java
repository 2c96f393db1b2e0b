package io.schedulr.scheduling.domain;

import io.schedulr.scheduling.domain.interview.PlainText;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A practice session a host offers at a time. Once a guest books it, both get a calendar invitation whose UID
 * ({@code icsUid}) stays the same for the booking and whose SEQUENCE ({@code icsSequence}) rises with every change of
 * time. When the guest leaves ({@link #release}), the room is open again under a new UID: a later booking is a new
 * meeting.
 * Every change goes through a method here that refuses what is not allowed; the database's version check only
 * guards against two changes at the same moment.
 *
 * @param offeredTo the one person (user id) a private room is offered to: besides the participants, the only one who
 *                  sees it and may book it; null for public rooms and private rooms offered to nobody yet
 * @param version   the stored version this state was read at (optimistic locking)
 * @param earlierEventMayShow the guest of an earlier booking left while the room kept its time: calendars may still show
 *                  that booking's event at this time until its deletion reaches them (see {@link #timeCalendarsMayShow()})
 */
public record PracticeRoom(
        RoomId id,
        String hostId,
        String guestId,
        String stage,
        String roomUrl,
        boolean privateRoom,
        String offeredTo,
        Instant createdAt,
        TimeWindow window,
        UUID icsUid,
        int icsSequence,
        long version,
        boolean earlierEventMayShow) {

    public static final int MAX_STAGE_LENGTH = 200;
    /** The SEQUENCE of an invitation UID's first REQUEST. */
    public static final int FIRST_SEQUENCE = 0;

    public PracticeRoom {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(icsUid, "icsUid");
    }

    /** A host offers a session; it must start in the future. A private one may be offered to one person. */
    public static PracticeRoom offer(RoomId id, String hostId, TimeWindow window, boolean privateRoom, String offeredTo, String roomUrl,
                                     Instant now) {
        window.requireFuture(now);
        requireOfferable(hostId, privateRoom, offeredTo);
        return new PracticeRoom(id, hostId, null, null, roomUrl, privateRoom, offeredTo, now, window, newIcsUid(), FIRST_SEQUENCE, 0,
                false);
    }

    /** A host's slot is booked: the room exists from the start with its guest. */
    public static PracticeRoom bookedFromSlot(RoomId id, Slot slot, String guestId, String roomUrl, Instant now) {
        return new PracticeRoom(id, slot.hostId(), guestId, null, roomUrl, false, null, now, slot.window(), newIcsUid(), FIRST_SEQUENCE,
                0, false);
    }

    /** Where every invitation UID comes from: a new room's, and a room's that is open again after its guest left. */
    private static UUID newIcsUid() {
        return UUID.randomUUID();
    }

    /**
     * The time the Google calendars of its people may show an event of this room at: its booked time, or the time of an
     * earlier booking whose guest left (until that event's deletion reaches them); null when nobody's calendar has one.
     * A clash check does not count such an event as a clash with the room itself.
     */
    public TimeWindow timeCalendarsMayShow() {
        return isBooked() || earlierEventMayShow ? window : null;
    }

    public Instant start() {
        return window.start();
    }

    public boolean isBooked() {
        return guestId != null;
    }

    public boolean isHost(String userId) {
        return hostId.equals(userId);
    }

    public boolean isParticipant(String userId) {
        return RoomAccess.isParticipant(hostId, guestId, userId);
    }

    /** Whether this person may know the room exists: see {@link RoomAccess#canSee}. */
    public boolean isVisibleTo(String userId) {
        return RoomAccess.canSee(hostId, guestId, privateRoom, offeredTo, userId);
    }

    /** The caller becomes the guest: never the host, never over another guest, never once the session started. */
    public PracticeRoom book(String guest, Instant now) {
        if (!isVisibleTo(guest)) {
            throw new RoomNotFoundException(id);
        }
        if (isHost(guest)) {
            throw new UnprocessableActionException("host_cannot_book_own_room", "You host this room; someone else has to book it.");
        }
        if (isBooked()) {
            throw new RoomAlreadyBookedException(id);
        }
        if (!window.startsAfter(now)) {
            throw new UnprocessableActionException("room_in_past", "This session has already started; it can no longer be booked.");
        }
        return new PracticeRoom(id, hostId, guest, stage, roomUrl, privateRoom, offeredTo, createdAt, window, icsUid, icsSequence,
                version, false);
    }

    /**
     * The guest leaves: the room is open again, under a new invitation UID at its first SEQUENCE (a later booking is a
     * new meeting). Only the room's guest may, and only before the session starts. The booking as it ends is announced
     * from the room before this ({@link #announcedAsReleased()}).
     */
    public PracticeRoom release(String actor, Instant now) {
        if (!isBooked()) {
            throw new UnprocessableActionException("room_not_booked", "Nobody has booked this room; there is no booking to release.");
        }
        if (!guestId.equals(actor)) {
            throw new ForbiddenActionException("not_room_guest", "Only the room's guest can release its booking.");
        }
        if (!window.startsAfter(now)) {
            throw new UnprocessableActionException("room_in_past",
                    "This session has already started; its booking can no longer be released.");
        }
        return new PracticeRoom(id, hostId, null, stage, roomUrl, privateRoom, offeredTo, createdAt, window, newIcsUid(), FIRST_SEQUENCE,
                version, true);
    }

    /** The host moves the session; a real move raises the invitation SEQUENCE so calendars take the update. */
    public PracticeRoom reschedule(String actor, Instant newStart, Instant now) {
        requireHost(actor, "Only the host can reschedule a room.");
        TimeWindow moved = window.movedTo(newStart).requireFuture(now);
        if (moved.equals(window)) {
            return this;
        }
        return new PracticeRoom(id, hostId, guestId, stage, roomUrl, privateRoom, offeredTo, createdAt, moved, icsUid,
                icsSequence + 1, version, false);
    }

    /**
     * The host moved the booked session's event in their own calendar. The room follows a move its rules allow, keeping
     * its own length ({@link #reschedule}). A move it refuses — to a start that has passed, or of the length only (or to
     * no time at all: a whole-day event, asked as a move to its own start) — leaves
     * it where it is, announced again at a higher SEQUENCE, so the calendars that took the move show the room's own
     * time again ({@link CalendarMove#putBack()} says why).
     */
    public CalendarMove followCalendarMove(String actor, Instant newStart, Instant now) {
        requireHost(actor, "Only the host can reschedule a room.");
        if (!isBooked()) {
            throw new UnprocessableActionException("room_not_booked", "Nobody has booked this room; it has no calendar event to move.");
        }
        TimeWindow moved = window.movedTo(newStart);
        if (!moved.startsAfter(now)) {
            return new CalendarMove(announcedAgain(), "datetime_in_past: the new start " + newStart + " has passed; the session stays at "
                    + window.start());
        }
        if (moved.equals(window)) {
            // Only the length changed, or the event was made a whole day (calendar-sync-service then asks for the room's own start).
            return new CalendarMove(announcedAgain(), "length: the session keeps its time and its " + window.length().toMinutes() + " minutes");
        }
        return new CalendarMove(reschedule(actor, newStart, now), null);
    }

    /** What a move made in a calendar did to the room: followed it ({@code putBack} null), or was put back, and why. */
    public record CalendarMove(PracticeRoom room, String putBack) {
        public boolean followed() {
            return putBack == null;
        }
    }

    private PracticeRoom announcedAgain() {
        return new PracticeRoom(id, hostId, guestId, stage, roomUrl, privateRoom, offeredTo, createdAt, window, icsUid,
                icsSequence + 1, version, earlierEventMayShow);
    }

    public PracticeRoom changePrivacy(String actor, boolean makePrivate) {
        requireHost(actor, "Only the host can change a room's privacy.");
        return new PracticeRoom(id, hostId, guestId, stage, roomUrl, makePrivate, makePrivate ? offeredTo : null, createdAt, window, icsUid,
                icsSequence, version, earlierEventMayShow);
    }

    /** The host offers a private room to one person (null: to nobody); only while nobody has booked it. */
    public PracticeRoom offerTo(String actor, String person) {
        requireHost(actor, "Only the host can offer a room to someone.");
        if (isBooked()) {
            throw new RoomAlreadyBookedException(id);
        }
        requireOfferable(hostId, privateRoom, person);
        return new PracticeRoom(id, hostId, guestId, stage, roomUrl, privateRoom, person, createdAt, window, icsUid, icsSequence,
                version, earlierEventMayShow);
    }

    /** Refuses an offer to {@code person} (null: to nobody in particular) that a room of this privacy cannot make. */
    public static void requireOfferable(String hostId, boolean privateRoom, String person) {
        if (person == null) {
            return;
        }
        if (!privateRoom) {
            throw new InvalidRequestException("offer_needs_private_room",
                    "Only a private room is offered to one person; a public one is open to all.");
        }
        if (person.equals(hostId)) {
            throw new InvalidRequestException("invalid_offer_to", "A room cannot be offered to its own host.");
        }
    }

    /** The host or the guest notes where the session stands; stored as given. */
    public PracticeRoom changeStage(String actor, String newStage) {
        if (!isParticipant(actor)) {
            throw new ForbiddenActionException("not_room_participant", "Only the host or the guest can set the stage.");
        }
        if (newStage != null && (newStage.length() > MAX_STAGE_LENGTH || PlainText.hasHiddenCharacters(newStage))) {
            throw new InvalidRequestException("invalid_stage",
                    "The stage is at most " + MAX_STAGE_LENGTH + " characters, without control, invisible or direction characters.");
        }
        return new PracticeRoom(id, hostId, guestId, newStage, roomUrl, privateRoom, offeredTo, createdAt, window, icsUid,
                icsSequence, version, earlierEventMayShow);
    }

    /** Only the host deletes; the answer is how the deletion is announced (see {@link #announcedAsCancelled()}). */
    public void requireDeletableBy(String actor) {
        requireHost(actor, "Only the host can delete a room.");
    }

    /** The room as its cancellation is announced: a CANCEL must carry a SEQUENCE above the last REQUEST. */
    public PracticeRoom announcedAsCancelled() {
        return new PracticeRoom(id, hostId, guestId, stage, roomUrl, privateRoom, offeredTo, createdAt, window, icsUid,
                icsSequence + 1, version, earlierEventMayShow);
    }

    /**
     * The booking as it ends when its guest leaves: this room's UID and guest with a SEQUENCE above the last REQUEST, so
     * the guest's invitation is cancelled (the room itself goes on under a new UID, see {@link #release}).
     */
    public PracticeRoom announcedAsReleased() {
        return new PracticeRoom(id, hostId, guestId, stage, roomUrl, privateRoom, offeredTo, createdAt, window, icsUid,
                icsSequence + 1, version, earlierEventMayShow);
    }

    /** The same room as stored at another version. */
    public PracticeRoom atVersion(long storedVersion) {
        return new PracticeRoom(id, hostId, guestId, stage, roomUrl, privateRoom, offeredTo, createdAt, window, icsUid, icsSequence,
                storedVersion, earlierEventMayShow);
    }

    private void requireHost(String actor, String message) {
        if (!isHost(actor)) {
            throw new ForbiddenActionException("not_room_host", message);
        }
    }
}

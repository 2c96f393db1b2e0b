package io.schedulr.calcom.domain.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One booking change Cal.com told us about, in our words. Checked when made: a change without its meeting
 * ({@code icalUid}), booking {@code uid}, start or end, or a reschedule without the booking it replaces, is not one; nor
 * is one whose identifiers hold a control character (a NUL, which PostgreSQL cannot store, or a line break).
 *
 * @param sequence Cal.com's {@code iCalSequence} as told: 0 for a new booking, +1 for each reschedule; a cancellation
 *                 comes at the sequence of the booking it cancels + 1 (Cal.com's {@code handleCancelBooking} sends
 *                 {@code bookingToDelete.iCalSequence + 1}), a host's decline at the booking's own. It is announced with the
 *                 sequence of the booking it cancels ({@link MeetingState#asAnnounced}): our consumers' contract.
 */
public record BookingChange(ChangeKind kind, String icalUid, int sequence, String uid, String previousUid, Long bookingId,
                            Long eventTypeId, String title, String status, Instant start, Instant end, Instant previousStart,
                            Instant previousEnd, Person organizer, List<Person> attendees, String location, String meetingUrl,
                            Map<String, String> metadata, String cancellationReason, String cancelledBy, boolean requestReschedule,
                            String rescheduledBy, Instant emittedAt) {

    public BookingChange {
        if (kind == null) {
            throw new IllegalArgumentException("the kind of change is missing");
        }
        require(icalUid, "iCalUID");
        require(uid, "uid");
        if (start == null || end == null) {
            throw new IllegalArgumentException("startTime and endTime are required");
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("endTime is before startTime");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("iCalSequence is negative");
        }
        if (kind == ChangeKind.RESCHEDULED) {
            require(previousUid, "rescheduleUid");
        }
        if (previousUid != null) {
            printable(previousUid, "rescheduleUid");
        }
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        printable(value, field);
    }

    private static void printable(String identifier, String field) {
        if (identifier.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + " holds a control character");
        }
    }

    /**
     * What makes two deliveries the same change: trigger + booking uid + iCalSequence. Cal.com sends no delivery id;
     * retries and replays repeat the bytes, but overlapping subscriptions (user, team, event type) each send their own
     * delivery with a different {@code createdAt} (and possibly another secret), so a body hash would let those through
     * twice. Each real change has its own triple: a reschedule makes a new uid with a higher sequence, and a booking is
     * cancelled once. A look-up tells a cancellation at the sequence its webhook carries, so the two are one key; one told at
     * another sequence is still recognised as the same cancellation by its booking ({@link MeetingState#judge}).
     */
    public String dedupKey() {
        return kind.trigger() + ":" + uid + ":" + sequence;
    }

    /**
     * Where the change sits in its meeting's history: the sequence of its booking first, and at one sequence the booking
     * before its cancellation.
     */
    public int position() {
        return MeetingState.position(bookingSequence(), kind == ChangeKind.CANCELLED);
    }

    /**
     * The sequence of the booking this change is about, as far as the change alone tells it: its own, but a cancellation's
     * is one below (Cal.com tells it at the booking's + 1), unless it is a host's decline ({@code rejected}), told at the
     * booking's own. When the meeting is at the cancelled booking, its state knows better ({@link MeetingState#asAnnounced}).
     */
    public int bookingSequence() {
        return kind != ChangeKind.CANCELLED || "rejected".equals(status) ? sequence : Math.max(sequence - 1, 0);
    }

    /** The same change told at another sequence. */
    public BookingChange withSequence(int other) {
        return other == sequence ? this : new BookingChange(kind, icalUid, other, uid, previousUid, bookingId, eventTypeId, title, status,
                start, end, previousStart, previousEnd, organizer, attendees, location, meetingUrl, metadata, cancellationReason,
                cancelledBy, requestReschedule, rescheduledBy, emittedAt);
    }
}

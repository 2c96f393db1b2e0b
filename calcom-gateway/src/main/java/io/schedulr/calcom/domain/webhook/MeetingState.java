package io.schedulr.calcom.domain.webhook;

import java.time.Instant;

/**
 * How far one meeting (one iCalUID) has been announced: the last change published. Changes are announced in meeting
 * order — the booking, each reschedule by rising {@code iCalSequence}, a cancellation after the booking it cancels —
 * whatever order Cal.com delivers them in. A change whose predecessor has not arrived is held (see
 * {@link OrderVerdict#EARLY}); one that is not ahead of the state is stale and never moves the meeting backwards.
 *
 * @param end when the meeting ends as last announced (null for a meeting announced before it was kept): a meeting still
 *            ahead is looked up at Cal.com now and then, for changes whose webhooks never came
 */
public record MeetingState(String icalUid, int sequence, boolean cancelled, String uid, Instant end) {

    static int position(int sequence, boolean cancelled) {
        return sequence * 2 + (cancelled ? 1 : 0);
    }

    public int position() {
        return position(sequence, cancelled);
    }

    /**
     * Where {@code change} stands against a meeting we know nothing about yet ({@code state} null) or have announced. A
     * cancellation of the booking the meeting is at follows it whatever sequence it carries (Cal.com's webhook: the
     * booking's + 1; a request for a new time may tell the booking's own); a booking is cancelled once, so a second telling
     * of it (the webhook after a look-up found it, or the other way round) is stale. A cancellation of another booking
     * waits for that booking.
     */
    public static OrderVerdict judge(MeetingState state, BookingChange change) {
        if (!change.kind().ordersTheMeeting()) {
            // A request is news only about a meeting nothing was announced of: once created or cancelled, it is behind.
            return state == null ? OrderVerdict.NEXT : OrderVerdict.STALE;
        }
        if (state == null) {
            return change.kind() == ChangeKind.CREATED ? OrderVerdict.NEXT : OrderVerdict.EARLY;
        }
        if (change.kind() == ChangeKind.CANCELLED && change.uid().equals(state.uid())) {
            return state.cancelled() ? OrderVerdict.STALE : OrderVerdict.NEXT;
        }
        if (change.position() <= state.position()) {
            return OrderVerdict.STALE;
        }
        boolean next = switch (change.kind()) {
            case RESCHEDULED, CREATED -> change.sequence() == state.sequence() + 1;
            case CANCELLED, REQUESTED -> false;
        };
        return next ? OrderVerdict.NEXT : OrderVerdict.EARLY;
    }

    /**
     * {@code change} as it is announced after {@code state}: a cancellation with the sequence of the booking it cancels
     * (consumers rely on it: a cancellation keeps the sequence of its booking), whatever sequence Cal.com told it at;
     * other changes as told.
     */
    public static BookingChange asAnnounced(MeetingState state, BookingChange change) {
        if (change.kind() != ChangeKind.CANCELLED) {
            return change;
        }
        return change.withSequence(state != null && change.uid().equals(state.uid()) ? state.sequence() : change.bookingSequence());
    }

    /**
     * The state once {@code change} is announced (a change that {@linkplain ChangeKind#ordersTheMeeting() orders it}), as
     * {@link #asAnnounced} gives it: a cancelled meeting stays at its booking's sequence, so that a reschedule after a host's
     * request for a new time (the booking's + 1) follows it.
     */
    public static MeetingState after(BookingChange change) {
        if (!change.kind().ordersTheMeeting()) {
            throw new IllegalArgumentException(change.kind() + " does not order the meeting");
        }
        return new MeetingState(change.icalUid(), change.sequence(), change.kind() == ChangeKind.CANCELLED, change.uid(), change.end());
    }
}

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

    /** Where {@code change} stands against a meeting we know nothing about yet ({@code state} null) or have announced. */
    public static OrderVerdict judge(MeetingState state, BookingChange change) {
        if (!change.kind().ordersTheMeeting()) {
            // A request is news only about a meeting nothing was announced of: once created or cancelled, it is behind.
            return state == null ? OrderVerdict.NEXT : OrderVerdict.STALE;
        }
        if (state == null) {
            return change.kind() == ChangeKind.CREATED ? OrderVerdict.NEXT : OrderVerdict.EARLY;
        }
        if (change.position() <= state.position()) {
            return OrderVerdict.STALE;
        }
        boolean next = switch (change.kind()) {
            case CANCELLED -> change.sequence() == state.sequence();
            case RESCHEDULED, CREATED -> change.sequence() == state.sequence() + 1;
            case REQUESTED -> false;
        };
        return next ? OrderVerdict.NEXT : OrderVerdict.EARLY;
    }

    /** The state once {@code change} is announced (a change that {@linkplain ChangeKind#ordersTheMeeting() orders it}). */
    public static MeetingState after(BookingChange change) {
        if (!change.kind().ordersTheMeeting()) {
            throw new IllegalArgumentException(change.kind() + " does not order the meeting");
        }
        return new MeetingState(change.icalUid(), change.sequence(), change.kind() == ChangeKind.CANCELLED, change.uid(), change.end());
    }
}

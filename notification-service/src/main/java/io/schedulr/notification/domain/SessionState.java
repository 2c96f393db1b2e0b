package io.schedulr.notification.domain;

/**
 * What reminders last heard of a session: the meeting (UID), the SEQUENCE of the last change applied and whether it was
 * cancelled. A change with a lower SEQUENCE of the same meeting is stale and plans nothing.
 */
public record SessionState(String key, String icsUid, int lastSequence, boolean cancelled) {

    /** A booking, reschedule or confirmation at {@code sequence}: stale when older, or not newer than a cancellation. */
    public boolean staleRequest(String uid, int sequence) {
        if (!icsUid.equals(uid)) {
            return false; // a new meeting of the room (booked again after a release)
        }
        return sequence < lastSequence || (cancelled && sequence <= lastSequence);
    }

    /** A cancellation at {@code sequence}: stale when older, or of another (earlier) meeting of the room. */
    public boolean staleCancel(String uid, int sequence) {
        return !icsUid.equals(uid) || sequence < lastSequence;
    }
}

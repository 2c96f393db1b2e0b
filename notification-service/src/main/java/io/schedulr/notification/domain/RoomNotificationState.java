package io.schedulr.notification.domain;

/**
 * What this service last told people about a room: the highest SEQUENCE applied and whether it was a CANCEL.
 * Guards per-room order: nothing older than what was sent goes out, and no REQUEST follows a CANCEL unless it is newer.
 */
public record RoomNotificationState(String roomId, int lastSequence, boolean cancelled) {

    /** Whether a change with this method and sequence would tell people something out of date. */
    public boolean isStale(InviteMethod method, int sequence) {
        if (sequence < lastSequence) {
            return true;
        }
        // A CANCEL at sequence n beats a REQUEST at n (RFC 5546: the cancel carries at least the last sequence).
        return cancelled && sequence == lastSequence;
    }

    /**
     * Whether telling people about this change again now (its mirror to Google failed) would tell them something out of
     * date: an older sequence, or a REQUEST at the sequence the room was cancelled at. A CANCEL at the cancelled
     * sequence is the same change and still goes out.
     */
    public boolean isBehind(InviteMethod method, int sequence) {
        if (sequence < lastSequence) {
            return true;
        }
        return cancelled && sequence == lastSequence && method == InviteMethod.REQUEST;
    }

    public RoomNotificationState after(InviteMethod method, int sequence) {
        return new RoomNotificationState(roomId, Math.max(lastSequence, sequence), method == InviteMethod.CANCEL);
    }
}

package io.schedulr.notification.domain;

import java.util.Objects;

/**
 * What this service last told people about one meeting of a room: the highest SEQUENCE applied and whether it was a
 * CANCEL. A room's meeting is its invitation UID: when the guest leaves, the room is open again under a new UID, and a
 * later booking is a new meeting with its own SEQUENCE (starting again), so the state is kept per (room, UID).
 * Guards the meeting's order: nothing older than what was sent goes out, and no REQUEST follows a CANCEL unless it is
 * newer.
 */
public record RoomNotificationState(String roomId, String icsUid, int lastSequence, boolean cancelled) {

    /** A meeting nobody was told about yet. */
    public static RoomNotificationState fresh(Meeting meeting) {
        return new RoomNotificationState(meeting.roomId(), meeting.icsUid(), -1, false);
    }

    /** Whether this state is the one of the meeting (same room and invitation UID). */
    public boolean isOf(Meeting meeting) {
        return Objects.equals(roomId, meeting.roomId()) && Objects.equals(icsUid, meeting.icsUid());
    }

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
        return new RoomNotificationState(roomId, icsUid, Math.max(lastSequence, sequence), method == InviteMethod.CANCEL);
    }
}

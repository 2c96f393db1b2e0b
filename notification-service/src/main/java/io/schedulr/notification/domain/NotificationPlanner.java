package io.schedulr.notification.domain;

import java.util.ArrayList;
import java.util.List;

/** Decides which invitations a room change produces, honouring the room's order (RFC 5546 SEQUENCE rules). */
public final class NotificationPlanner {

    /**
     * @param current the room's state before this change, or null if nothing was ever sent for the room
     */
    public NotificationPlan plan(String eventId, InviteMethod method, Meeting meeting, RoomNotificationState current) {
        RoomNotificationState state = current != null ? current : new RoomNotificationState(meeting.roomId(), -1, false);
        List<Invitation> invitations = new ArrayList<>();
        invitations.add(new Invitation(eventId, method, meeting, meeting.organizer()));
        if (!meeting.attendee().sameAddress(meeting.organizer())) {
            invitations.add(new Invitation(eventId, method, meeting, meeting.attendee()));
        }
        if (state.isStale(method, meeting.sequence())) {
            String reason = state.cancelled()
                    ? "room was already cancelled at sequence " + state.lastSequence()
                    : "sequence " + meeting.sequence() + " is older than the last sent " + state.lastSequence();
            return new NotificationPlan(eventId, method, meeting.sequence(), List.of(), invitations, state, reason);
        }
        return new NotificationPlan(eventId, method, meeting.sequence(), invitations, List.of(), state.after(method, meeting.sequence()), null);
    }
}

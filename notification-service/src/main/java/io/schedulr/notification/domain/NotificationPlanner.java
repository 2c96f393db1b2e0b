package io.schedulr.notification.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which invitations a room change produces, honouring the room's order (RFC 5546 SEQUENCE rules) and who
 * sends the invitation: Google or us.
 * <p>
 * calendar-sync-service writes a booked room onto the host's Google calendar with the guest as attendee and
 * {@code sendUpdates=all}, so Google invites both people (the guest by mail, the host on their own calendar). With the
 * calendar gate on, calendar-sync-service alone decides whether that happens, since only it knows the host's connection
 * at the moment it handles the change: a room event is left to Google (recorded as such, nobody emailed), and when
 * calendar-sync-service announces that Google will not tell the participants (the host never connected, disconnected
 * or was revoked; Google refused the write for good) both are emailed. A view of the connection kept here would lag
 * behind calendar-sync-service's, and a booking made just after the host connected would be invited twice, by us and
 * by Google. With the gate off every change is emailed. Whatever the order and the redeliveries, a person gets at most
 * one email per change (room, UID, sequence, method).
 * <p>
 * A guest leaving a booked room (released) is a cancellation of that meeting: a CANCEL with the meeting's UID and the
 * release's SEQUENCE to the guest who left and to the host, by the same rule (Google deletes the event with
 * {@code sendUpdates=all} when the host is connected). Order is kept per meeting, i.e. per (room, UID): a later booking
 * of the room carries a new UID and is a new meeting, whatever its SEQUENCE.
 */
public final class NotificationPlanner {
    private final boolean calendarRequired;

    /** A planner with the calendar gate off: every change is emailed (Phase-1 behaviour). */
    public NotificationPlanner() {
        this(false);
    }

    /** @param calendarRequired the calendar gate ({@code schedulr.calendar.required}) */
    public NotificationPlanner(boolean calendarRequired) {
        this.calendarRequired = calendarRequired;
    }

    /**
     * @param current the room's state before this change, or null if nothing was ever sent for the room
     */
    public NotificationPlan plan(String eventId, InviteMethod method, Meeting meeting, RoomNotificationState current) {
        return plan(eventId, method, meeting, RoomSituation.of(current), ChangeSource.ROOM_EVENT);
    }

    public NotificationPlan plan(String eventId, InviteMethod method, Meeting meeting, RoomSituation situation, ChangeSource source) {
        RoomNotificationState current = situation.state();
        // Another UID of the same room is another meeting (the room was released and booked again): its order says
        // nothing about this one, which starts afresh.
        RoomNotificationState state = current != null && current.isOf(meeting) ? current : RoomNotificationState.fresh(meeting);
        List<Invitation> all = new ArrayList<>();
        all.add(new Invitation(eventId, method, meeting, meeting.organizer()));
        if (!meeting.attendee().sameAddress(meeting.organizer())) {
            all.add(new Invitation(eventId, method, meeting, meeting.attendee()));
        }
        boolean stale = source == ChangeSource.MIRROR_FAILURE
                ? state.isBehind(method, meeting.sequence())
                : state.isStale(method, meeting.sequence());
        if (stale) {
            String reason = state.cancelled()
                    ? "room was already cancelled at sequence " + state.lastSequence()
                    : "sequence " + meeting.sequence() + " is older than the last sent " + state.lastSequence();
            return new NotificationPlan(eventId, method, meeting.sequence(), List.of(), all, state, reason);
        }
        boolean googleInvites = source == ChangeSource.ROOM_EVENT && calendarRequired;
        List<Invitation> send = new ArrayList<>();
        List<Invitation> leftToGoogle = new ArrayList<>();
        List<Invitation> duplicates = new ArrayList<>();
        for (Invitation invitation : all) {
            if (situation.alreadyEmailed().contains(invitation.recipient().email())) {
                duplicates.add(invitation);
            } else if (googleInvites) {
                leftToGoogle.add(invitation);
            } else {
                send.add(invitation);
            }
        }
        return new NotificationPlan(eventId, method, meeting.sequence(), send, List.of(), state.after(method, meeting.sequence()), null,
                leftToGoogle, duplicates);
    }
}

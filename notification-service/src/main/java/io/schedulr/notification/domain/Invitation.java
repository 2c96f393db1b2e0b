package io.schedulr.notification.domain;

/**
 * One mail to one person about one change of a meeting: what the iMIP message says and who gets it.
 *
 * @param eventId the event that caused it; (eventId, recipient) is sent at most once
 */
public record Invitation(String eventId, InviteMethod method, Meeting meeting, Person recipient) {
    public Invitation {
        if (eventId == null || eventId.isBlank() || method == null || meeting == null || recipient == null) {
            throw new IllegalArgumentException("an invitation needs an event id, method, meeting and recipient");
        }
    }

    /** Whether the recipient is the organizer (host) rather than the attendee (guest). */
    public boolean toOrganizer() {
        return recipient.sameAddress(meeting.organizer());
    }
}

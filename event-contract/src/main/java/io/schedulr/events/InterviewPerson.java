package io.schedulr.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A person taking part in an interview, with what a consumer needs to address, greet and place them.
 *
 * @param userId   the person's user id (Google {@code sub}) when they have signed in to Schedulr; null for outsiders
 * @param role     their role as typed (e.g. "Partner", "CTO"); may be null
 * @param company  for guests and the contact: their company; may be null
 * @param timeZone IANA zone to show times in; the meeting's zone when the person's own is unknown
 * @param kind     how they take part
 */
public record InterviewPerson(String userId, String name, String email, String role, String company, String timeZone, Kind kind) {
    public enum Kind {
        /** The interviewer who leads; the organizer of the invitation. */
        PRIMARY_INTERVIEWER,
        /** Another member of our team. */
        TEAM_MEMBER,
        /** The startup's contact: Cal.com's attendee. */
        CONTACT,
        /** An external guest. */
        GUEST
    }

    @JsonIgnore
    public boolean isTeam() {
        return kind == Kind.PRIMARY_INTERVIEWER || kind == Kind.TEAM_MEMBER;
    }
}

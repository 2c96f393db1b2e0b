package io.schedulr.notification.domain;

import io.schedulr.events.ParticipantRules;

import java.util.Objects;

/**
 * Someone taking part in an interview: the person (address, name, zone) and how they take part.
 *
 * @param role    their role as typed (e.g. "Partner"); may be null
 * @param company for guests and the contact: their company; may be null
 */
public record InterviewParticipant(Person person, Kind kind, String role, String company) {
    public enum Kind {
        PRIMARY_INTERVIEWER,
        TEAM_MEMBER,
        CONTACT,
        GUEST
    }

    public InterviewParticipant {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(kind, "kind");
        role = blankToNull(ParticipantRules.cleanName(role));
        company = blankToNull(ParticipantRules.cleanName(company));
    }

    /** The interviewers: the primary one and the other team members (not the startup's contact, not guests). */
    public boolean onTheTeam() {
        return kind == Kind.PRIMARY_INTERVIEWER || kind == Kind.TEAM_MEMBER;
    }

    /** e.g. "Ada Lovelace (Partner), primary interviewer" or "Grace Hopper (CEO, Acme), contact". */
    public String describe() {
        StringBuilder text = new StringBuilder(person.name());
        if (role != null || company != null) {
            text.append(" (").append(role == null ? company : company == null ? role : role + ", " + company).append(')');
        }
        return text.append(", ").append(switch (kind) {
            case PRIMARY_INTERVIEWER -> "interviewer (organizer)";
            case TEAM_MEMBER -> "interviewer";
            case CONTACT -> "startup contact";
            case GUEST -> "guest";
        }).toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

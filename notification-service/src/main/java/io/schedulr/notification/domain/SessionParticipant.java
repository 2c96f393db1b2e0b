package io.schedulr.notification.domain;

import java.util.Objects;

/**
 * Someone taking part in a session that gets reminders.
 *
 * @param person their address (the recipient key), name, zone and, when known, user id (whose preferences apply)
 * @param role   how they take part, as the reminder names them to the others: "host", "guest", "interviewer" ...
 */
public record SessionParticipant(Person person, String role) {
    public SessionParticipant {
        Objects.requireNonNull(person, "person");
        role = role == null || role.isBlank() ? null : role.strip();
    }

    /** The role of an interview's primary interviewer; a team member's is {@link #INTERVIEWER}. */
    public static final String ORGANIZING_INTERVIEWER = "interviewer (organizer)";
    public static final String INTERVIEWER = "interviewer";

    /**
     * Whether they are on an interview's team (an interviewer), who alone can open the interview in schedulr. The role may
     * carry their own title first ("Partner; interviewer").
     */
    public boolean interviewer() {
        return role != null && (role.endsWith(INTERVIEWER) || role.endsWith(ORGANIZING_INTERVIEWER));
    }

    /** e.g. "Hanna Host (host)". */
    public String describe() {
        return role == null ? person.name() : person.name() + " (" + role + ")";
    }
}

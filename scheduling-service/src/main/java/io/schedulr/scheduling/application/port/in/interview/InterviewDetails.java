package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.Contact;
import io.schedulr.scheduling.domain.interview.Interview;
import io.schedulr.scheduling.domain.interview.Startup;
import io.schedulr.scheduling.domain.interview.TeamMember;

import java.util.List;

/**
 * An interview with what it refers to, as its viewers see it; any reference may be null while the draft lacks it.
 * {@code warnings}: what the caller should know although the step was done (e.g. {@code calendar_unavailable}).
 */
public record InterviewDetails(Interview interview, Startup startup, Contact contact, TeamMember primary, List<TeamMember> additional,
                               List<String> warnings) {
    public InterviewDetails {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public InterviewDetails(Interview interview, Startup startup, Contact contact, TeamMember primary, List<TeamMember> additional) {
        this(interview, startup, contact, primary, additional, List.of());
    }

    /** The team's addresses: the primary interviewer's first, then the other members'. */
    public List<String> teamAddresses() {
        List<String> team = new java.util.ArrayList<>();
        if (primary != null) {
            team.add(primary.email());
        }
        additional.forEach(member -> team.add(member.email()));
        return team;
    }

    public InterviewDetails withWarnings(List<String> more) {
        return more.isEmpty() ? this : new InterviewDetails(interview, startup, contact, primary, additional, more);
    }
}

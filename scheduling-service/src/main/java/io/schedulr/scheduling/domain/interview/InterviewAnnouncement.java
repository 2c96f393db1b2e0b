package io.schedulr.scheduling.domain.interview;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An interview change people are told about, with everyone who takes part: the primary interviewer first, then the
 * team, the startup's contact and the guests.
 */
public record InterviewAnnouncement(UUID id, InterviewChange change, Instant at, Interview interview, String startupName,
                                    List<Participant> people) {
    public record Participant(String name, String email, String role, String company, Kind kind) {
    }

    public enum Kind { PRIMARY_INTERVIEWER, TEAM_MEMBER, CONTACT, GUEST }

    public String title() {
        if (interview.title() != null) {
            return interview.title();
        }
        return startupName == null ? "Interview" : "Interview: " + startupName;
    }
}

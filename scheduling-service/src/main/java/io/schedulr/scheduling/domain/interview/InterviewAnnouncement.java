package io.schedulr.scheduling.domain.interview;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An interview change people are told about, with everyone who takes part: the primary interviewer first, then the
 * team, the startup's contact and the guests.
 *
 * @param reason why, when someone said: a cancellation's or a reschedule request's reason, or the reason given for a
 *               move made in schedulr; null otherwise
 */
public record InterviewAnnouncement(UUID id, InterviewChange change, Instant at, Interview interview, String startupName,
                                    List<Participant> people, String reason) {
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

package io.schedulr.calendarsync.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One interview change to show on (or take off) the team's dedicated calendars, as scheduling-service announced it:
 * the whole interview as it stands after the change.
 *
 * @param eventId    the CloudEvent id (a redelivery carries the same one)
 * @param sequence   the interview's iCalendar SEQUENCE after this change
 * @param cancels    the meeting at this time is off (cancelled, or the host asked for another time): calendars drop it
 * @param meetingUrl the join link; null until known
 * @param people     everyone taking part, the primary interviewer first
 * @param tentative  its Cal.com booking waits for the host's confirmation: the calendar event says so
 */
public record InterviewChange(String eventId, String interviewId, String icsUid, int sequence, boolean cancels, String title,
                              String startup, Instant startUtc, Instant endUtc, String timeZone, String meetingUrl,
                              List<InterviewParticipant> people, boolean tentative) {

    public InterviewChange {
        requireText(eventId, "eventId");
        requireText(interviewId, "interviewId");
        requireText(icsUid, "icsUid");
        Objects.requireNonNull(startUtc, "startUtc");
        Objects.requireNonNull(endUtc, "endUtc");
        if (!endUtc.isAfter(startUtc)) {
            throw new IllegalArgumentException("an interview must end after it starts");
        }
        people = List.copyOf(Objects.requireNonNull(people, "people"));
        if (title == null || title.isBlank()) {
            title = "Interview";
        }
        if (timeZone == null || timeZone.isBlank()) {
            timeZone = "UTC";
        }
        if (meetingUrl != null && meetingUrl.isBlank()) {
            meetingUrl = null;
        }
    }

    /** The primary interviewer and the team members: the people whose own calendars show the interview. */
    public List<InterviewParticipant> team() {
        return people.stream().filter(InterviewParticipant::isTeam).toList();
    }

    /** What the team's calendar event says: the join link and who takes part (no attendees: nobody is invited by Google). */
    public String description() {
        StringBuilder text = new StringBuilder();
        if (tentative) {
            text.append("Tentative: the host has not confirmed the Cal.com booking yet.\n");
        }
        text.append(meetingUrl == null ? "The join link follows once the booking is confirmed." : "Join: " + meetingUrl).append('\n');
        if (startup != null && !startup.isBlank()) {
            text.append("Startup: ").append(startup).append('\n');
        }
        text.append("\nTaking part:\n");
        people.forEach(p -> text.append("- ").append(p.line()).append('\n'));
        text.append("\nEveryone receives the invitation by email from Schedulr.");
        return text.toString();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}

package io.schedulr.notification.application.port.in;

import io.schedulr.notification.domain.InterviewChange;
import io.schedulr.notification.domain.InterviewParticipant;
import io.schedulr.notification.domain.InvalidRoomChangeException;

import java.time.Instant;
import java.util.List;

/**
 * An interview change as the event said it (scheduling.interview-events.v1). Addresses are not checked yet: one
 * person's unusable address must not stop the others' invitations.
 *
 * @param changedAt  when the change happened (the event's time); null when unknown
 * @param timeZone   the meeting's zone, for people whose own zone is unknown
 * @param meetingUrl the join link; may be null
 * @param people     everyone taking part, as the event lists them
 * @param reason     for cancellations and reschedule requests; may be null
 * @param tentative  the Cal.com booking waits for a host to confirm it: the invitation is tentative
 */
public record HandleInterviewChangeCommand(String eventId, Instant changedAt, InterviewChange change, String interviewId, String icsUid,
                                           int sequence, Instant start, Instant end, String title, String timeZone, String meetingUrl,
                                           List<PersonData> people, String reason, boolean tentative) {
    public HandleInterviewChangeCommand {
        if (eventId == null || eventId.isBlank()) {
            throw new InvalidRoomChangeException("missing event id");
        }
        if (change == null) {
            throw new InvalidRoomChangeException("missing change");
        }
        people = people == null ? List.of() : List.copyOf(people);
    }

    /** One person as the event names them. */
    public record PersonData(String userId, String name, String email, String role, String company, String timeZone,
                             InterviewParticipant.Kind kind) {
    }
}

package io.schedulr.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an interview invitation says beyond a room's: everyone taking part (each one an ATTENDEE and a recipient), which
 * change it is (for the wording) and the reason given for a cancellation or a reschedule request. Preparation notes are
 * never part of it.
 *
 * @param people everyone with a usable address, the primary interviewer (the organizer) first; one entry per address
 * @param reason    for cancellations and reschedule requests; may be null
 * @param tentative the Cal.com booking waits for a host to confirm it: the invitation says so (iCalendar STATUS:TENTATIVE)
 */
public record InterviewDetails(String interviewId, InterviewChange change, List<InterviewParticipant> people, String reason,
                               boolean tentative) {
    /** Prefix of the key interview meetings are stored under (a room's key is its UUID, so the two never meet). */
    public static final String KEY_PREFIX = "interview:";
    private static final int MAX_REASON = 1000;

    public InterviewDetails {
        if (interviewId == null || interviewId.isBlank()) {
            throw new InvalidRoomChangeException("missing interviewId");
        }
        Objects.requireNonNull(change, "change");
        List<InterviewParticipant> distinct = new ArrayList<>();
        for (InterviewParticipant p : people == null ? List.<InterviewParticipant>of() : people) {
            if (distinct.stream().noneMatch(d -> d.person().sameAddress(p.person()))) {
                distinct.add(p);
            }
        }
        people = List.copyOf(distinct);
        if (people.isEmpty() || people.get(0).kind() != InterviewParticipant.Kind.PRIMARY_INTERVIEWER) {
            throw new InvalidRoomChangeException("interview " + interviewId + " has no primary interviewer with a usable address");
        }
        reason = reason == null || reason.isBlank() ? null : reason.strip();
        if (reason != null && reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON) + "…";
        }
    }

    /** The key an interview's deliveries, audit rows and consumed events are filed under ({@code interview:<id>}). */
    public String key() {
        return KEY_PREFIX + interviewId;
    }

    public InterviewParticipant organizer() {
        return people.get(0);
    }
}

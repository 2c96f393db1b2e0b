package io.schedulr.events;

import java.time.Instant;
import java.util.List;

/**
 * Payload ({@code data}) of every interview event on {@link Topics#INTERVIEW_EVENTS}: the whole interview as it stands
 * after the change, so consumers never call back. Preparation notes and custom questions are for the team and are not
 * in the event. Documented in docs/events.md.
 *
 * @param icsUid           the interview's iCalendar UID, stable for its life (also across Cal.com reschedules)
 * @param sequence         iCalendar SEQUENCE of this change; rises with every change
 * @param status           the interview's status after the change: {@code scheduled}, {@code confirmed}, {@code cancelled}
 * @param title            e.g. "Interview: Acme Robotics"
 * @param startup          the startup's name
 * @param timeZone         the meeting's IANA zone
 * @param meetingUrl       the join link when known; may be null
 * @param meetingProvider  e.g. {@code cal-video}, {@code google-meet}, {@code zoom}; may be null
 * @param calcomBookingUid the Cal.com booking this interview is (after a reschedule: the new one)
 * @param people           everyone taking part: the primary interviewer first, then the team, the contact and guests
 * @param reason           for cancellations and reschedule requests: the reason given (on Cal.com or in schedulr); for a move
 *                         made in schedulr: the reason given for it; may be null
 * @param tentative        the Cal.com booking waits for a host to confirm it (its event type needs confirmation): the
 *                         invitation is tentative until a later change of this interview says otherwise; false when absent
 */
public record InterviewEvent(
        String interviewId,
        String icsUid,
        int sequence,
        String status,
        String title,
        String startup,
        Instant startUtc,
        Instant endUtc,
        String timeZone,
        String meetingUrl,
        String meetingProvider,
        String calcomBookingUid,
        List<InterviewPerson> people,
        String reason,
        boolean tentative) {

    /** The primary interviewer, the invitation's organizer; null only in a malformed event. */
    public InterviewPerson organizer() {
        return people == null ? null
                : people.stream().filter(p -> p.kind() == InterviewPerson.Kind.PRIMARY_INTERVIEWER).findFirst().orElse(null);
    }
}

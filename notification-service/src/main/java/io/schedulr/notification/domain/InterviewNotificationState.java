package io.schedulr.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What this service last told an interview's people: the SEQUENCE of the last change handled and whether it was a
 * CANCEL. A change is only told when it is newer: a higher SEQUENCE, or a CANCEL at the SEQUENCE of the last REQUEST
 * (a reschedule request may keep the SEQUENCE; RFC 5546 lets a CANCEL carry the last one). So a duplicate or an older
 * change arriving late never mails twice nor rolls a calendar back.
 *
 * @param toldStart    the start the last REQUEST showed; null before any, or when not known (kept before V12)
 * @param toldEnd      the end it showed
 * @param toldJoinLink  the join link it showed; null when it had none
 * @param toldTentative whether it was tentative (the booking waited for its host's confirmation)
 * @param toldPeople    everyone the last REQUEST named, its organizer first (so that one a later REQUEST no longer names is
 *                      sent a CANCEL under the organizer they were told); empty before any, or when not known (kept before V16)
 */
public record InterviewNotificationState(String interviewId, int lastSequence, boolean cancelled, Instant toldStart, Instant toldEnd,
                                         String toldJoinLink, boolean toldTentative, List<Person> toldPeople) {

    public InterviewNotificationState {
        toldPeople = List.copyOf(toldPeople == null ? List.of() : toldPeople);
    }

    public InterviewNotificationState(String interviewId, int lastSequence, boolean cancelled) {
        this(interviewId, lastSequence, cancelled, null, null, null, false, List.of());
    }

    public static InterviewNotificationState fresh(String interviewId) {
        return new InterviewNotificationState(interviewId, -1, false);
    }

    public boolean isNewer(InviteMethod method, int sequence) {
        if (sequence != lastSequence) {
            return sequence > lastSequence;
        }
        return method == InviteMethod.CANCEL && !cancelled;
    }

    /**
     * Whether the last REQUEST (not cancelled since) showed this meeting's time and join link already, and was as tentative
     * as it is (a tentative invitation that is now firm is news to everyone).
     */
    public boolean showed(Meeting meeting) {
        return !cancelled && toldStart != null && toldStart.equals(meeting.start()) && Objects.equals(toldEnd, meeting.end())
                && Objects.equals(toldJoinLink, meeting.roomUrl()) && toldTentative == tentative(meeting);
    }

    private static boolean tentative(Meeting meeting) {
        return meeting.interview() != null && meeting.interview().tentative();
    }

    /**
     * Whom the last REQUEST reached and {@code meeting}, a REQUEST, no longer names: their calendars hold an invitation that
     * no longer stands for them. None after a CANCEL (everyone's calendar dropped the meeting already).
     */
    public List<Person> noLongerNamed(Meeting meeting) {
        if (cancelled) {
            return List.of();
        }
        return toldPeople.stream()
                .filter(told -> meeting.interview().people().stream().noneMatch(p -> p.person().sameAddress(told)))
                .toList();
    }

    /** The organizer the last REQUEST named (the first of {@code toldPeople}); null when not known. */
    public Person toldOrganizer() {
        return toldPeople.isEmpty() ? null : toldPeople.get(0);
    }

    public InterviewNotificationState after(InviteMethod method, Meeting meeting) {
        if (method == InviteMethod.CANCEL) {
            return new InterviewNotificationState(interviewId, meeting.sequence(), true, toldStart, toldEnd, toldJoinLink, toldTentative,
                    toldPeople);
        }
        return new InterviewNotificationState(interviewId, meeting.sequence(), false, meeting.start(), meeting.end(), meeting.roomUrl(),
                tentative(meeting), meeting.interview().people().stream().map(InterviewParticipant::person).toList());
    }
}

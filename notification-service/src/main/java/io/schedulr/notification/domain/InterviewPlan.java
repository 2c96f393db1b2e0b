package io.schedulr.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to do with one interview change: one invitation per person taking part, or nothing when the change is not newer
 * than what people were told. Cal.com confirming an interview at the time and with the join link its invitation showed
 * tells its contact and guests nothing new: only the team is mailed (the "the assigned team is emailed"); the
 * others' calendars keep the invitation they have.
 *
 * @param invitations the mails to queue; empty when stale
 * @param skipped     the mails not sent (for the audit): all of them when stale, else those with nothing new for the person
 * @param nextState   the interview's state afterwards (unchanged when stale)
 * @param staleReason why nothing is sent, or null
 */
public record InterviewPlan(List<Invitation> invitations, List<Invitation> skipped, InterviewNotificationState nextState,
                            String staleReason) {
    /** The audit note of a person a confirmation shows nothing new. */
    public static final String NOTHING_NEW = "Cal.com confirmed the interview at the time and with the join link the invitation showed; "
            + "only the team is told";

    public InterviewPlan {
        invitations = List.copyOf(invitations);
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(nextState, "nextState");
    }

    public boolean stale() {
        return staleReason != null;
    }

    /**
     * @param meeting an interview meeting ({@link Meeting#interview()} set)
     * @param current what the interview's people were told before, or null if nothing yet
     */
    public static InterviewPlan of(String eventId, Meeting meeting, InterviewNotificationState current) {
        InterviewDetails details = Objects.requireNonNull(meeting.interview(), "not an interview meeting");
        InviteMethod method = details.change().method();
        InterviewNotificationState state = current == null ? InterviewNotificationState.fresh(details.interviewId()) : current;
        if (!state.isNewer(method, meeting.sequence())) {
            List<Invitation> all = new ArrayList<>();
            for (InterviewParticipant p : details.people()) {
                all.add(new Invitation(eventId, method, meeting, p.person()));
            }
            String reason = "sequence " + meeting.sequence() + " (" + method + ") is not newer than the last handled "
                    + state.lastSequence() + (state.cancelled() ? " (CANCEL)" : " (REQUEST)");
            return new InterviewPlan(List.of(), all, state, reason);
        }
        boolean teamOnly = details.change() == InterviewChange.CONFIRMED && state.showed(meeting);
        List<Invitation> send = new ArrayList<>();
        List<Invitation> nothingNew = new ArrayList<>();
        for (InterviewParticipant p : details.people()) {
            (teamOnly && !p.onTheTeam() ? nothingNew : send).add(new Invitation(eventId, method, asToldTo(meeting, state, p.person()),
                    p.person()));
        }
        if (method == InviteMethod.REQUEST) {
            for (Person former : state.noLongerNamed(meeting)) {
                send.add(new Invitation(eventId, InviteMethod.CANCEL, noLongerInvited(meeting, state.toldOrganizer(), former), former));
            }
        }
        return new InterviewPlan(send, nothingNew, state.after(method, meeting), null);
    }

    /**
     * The meeting as {@code person} is told of it: someone the people change names for the first time (a guest added to a
     * sent interview, a corrected address) gets it as their invitation ("Invitation:", "You are invited"), not as an update
     * of one they never had; everyone else as it is.
     */
    private static Meeting asToldTo(Meeting meeting, InterviewNotificationState state, Person person) {
        InterviewDetails details = meeting.interview();
        if (details.change() != InterviewChange.ATTENDEES_CHANGED || state.cancelled() || state.toldPeople().isEmpty()
                || state.toldPeople().stream().anyMatch(person::sameAddress)) {
            return meeting;
        }
        InterviewDetails first = new InterviewDetails(details.interviewId(), InterviewChange.SCHEDULED, details.people(), null,
                details.tentative());
        return new Meeting(meeting.roomId(), meeting.icsUid(), meeting.sequence(), meeting.start(), meeting.end(), meeting.title(),
                meeting.roomUrl(), meeting.organizer(), meeting.attendee(), first);
    }

    /**
     * The meeting as the CANCEL to someone no longer named shows it (RFC 5546 3.2.5: the attendee removed): the organizer their
     * invitation named and them only, without the join link or the reason (the address may have been a wrong one, its holder a
     * stranger). The organizer is the one they were told, not today's: when the primary interviewer's own address was corrected
     * or another interviewer became primary, a calendar matches the CANCEL to the event it holds by that organizer.
     */
    private static Meeting noLongerInvited(Meeting meeting, Person toldOrganizer, Person former) {
        InterviewDetails details = meeting.interview();
        InterviewParticipant organizer = toldOrganizer == null || details.organizer().person().sameAddress(toldOrganizer)
                ? details.organizer() : new InterviewParticipant(toldOrganizer, InterviewParticipant.Kind.PRIMARY_INTERVIEWER, null, null);
        InterviewDetails theirs = new InterviewDetails(details.interviewId(), InterviewChange.NO_LONGER_INVITED,
                List.of(organizer, new InterviewParticipant(former, InterviewParticipant.Kind.GUEST, null, null)), null, false);
        return new Meeting(meeting.roomId(), meeting.icsUid(), meeting.sequence(), meeting.start(), meeting.end(), meeting.title(), null,
                organizer.person(), former, theirs);
    }
}

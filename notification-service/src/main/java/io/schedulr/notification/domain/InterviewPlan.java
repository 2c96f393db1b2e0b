package io.schedulr.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to do with one interview change: one invitation per person taking part, or nothing when the change is not newer
 * than what people were told.
 *
 * @param invitations the mails to queue; empty when stale
 * @param skipped     when stale: the mails not sent (for the audit)
 * @param nextState   the interview's state afterwards (unchanged when stale)
 * @param staleReason why nothing is sent, or null
 */
public record InterviewPlan(List<Invitation> invitations, List<Invitation> skipped, InterviewNotificationState nextState,
                            String staleReason) {
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
        List<Invitation> all = new ArrayList<>();
        for (InterviewParticipant p : details.people()) {
            all.add(new Invitation(eventId, method, meeting, p.person()));
        }
        if (!state.isNewer(method, meeting.sequence())) {
            String reason = "sequence " + meeting.sequence() + " (" + method + ") is not newer than the last handled "
                    + state.lastSequence() + (state.cancelled() ? " (CANCEL)" : " (REQUEST)");
            return new InterviewPlan(List.of(), all, state, reason);
        }
        return new InterviewPlan(all, List.of(), state.after(method, meeting.sequence()), null);
    }
}

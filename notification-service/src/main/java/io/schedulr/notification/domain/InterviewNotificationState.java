package io.schedulr.notification.domain;

/**
 * What this service last told an interview's people: the SEQUENCE of the last change handled and whether it was a
 * CANCEL. A change is only told when it is newer: a higher SEQUENCE, or a CANCEL at the SEQUENCE of the last REQUEST
 * (a reschedule request may keep the SEQUENCE; RFC 5546 lets a CANCEL carry the last one). So a duplicate or an older
 * change arriving late never mails twice nor rolls a calendar back.
 */
public record InterviewNotificationState(String interviewId, int lastSequence, boolean cancelled) {

    public static InterviewNotificationState fresh(String interviewId) {
        return new InterviewNotificationState(interviewId, -1, false);
    }

    public boolean isNewer(InviteMethod method, int sequence) {
        if (sequence != lastSequence) {
            return sequence > lastSequence;
        }
        return method == InviteMethod.CANCEL && !cancelled;
    }

    public InterviewNotificationState after(InviteMethod method, int sequence) {
        return new InterviewNotificationState(interviewId, sequence, method == InviteMethod.CANCEL);
    }
}

package io.schedulr.calendarsync.domain;

/**
 * The latest change of an interview taken in, against which later ones are judged (Kafka delivers at least once, and a
 * producer may replay). A change applies when its SEQUENCE is higher, or equal and it drops a meeting still shown (the
 * host asking for another time voids the current time at the same SEQUENCE, as an iCalendar CANCEL may).
 */
public record InterviewMirror(String interviewId, int lastSequence, boolean cancelled) {

    /** Why the change must not be applied, or null when it may. */
    public String refuses(InterviewChange change) {
        if (change.sequence() > lastSequence) {
            return null;
        }
        if (change.sequence() == lastSequence && change.cancels() && !cancelled) {
            return null;
        }
        return change.sequence() < lastSequence ? "sequence " + change.sequence() + " is older than the applied " + lastSequence
                : "sequence " + change.sequence() + " was applied already";
    }

    public static InterviewMirror of(InterviewChange change) {
        return new InterviewMirror(change.interviewId(), change.sequence(), change.cancels());
    }
}

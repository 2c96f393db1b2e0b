package io.schedulr.calcom.domain.webhook;

/** The booking changes Cal.com announces that we translate, with their webhook trigger names. */
public enum ChangeKind {
    CREATED("BOOKING_CREATED"),
    RESCHEDULED("BOOKING_RESCHEDULED"),
    CANCELLED("BOOKING_CANCELLED"),
    /**
     * A booking that waits for its host's confirmation (its event type needs one). It tells who asked for the meeting; it
     * takes no place in the meeting's order: its creation, once confirmed, or its cancellation, once declined, does.
     */
    REQUESTED("BOOKING_REQUESTED");

    private final String trigger;

    ChangeKind(String trigger) {
        this.trigger = trigger;
    }

    public String trigger() {
        return trigger;
    }

    /** Whether announcing it moves the meeting's order ({@link MeetingState}); a request does not. */
    public boolean ordersTheMeeting() {
        return this != REQUESTED;
    }
}

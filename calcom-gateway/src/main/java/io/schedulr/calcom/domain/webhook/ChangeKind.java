package io.schedulr.calcom.domain.webhook;

/** The booking changes Cal.com announces that we translate, with their webhook trigger names. */
public enum ChangeKind {
    CREATED("BOOKING_CREATED"),
    RESCHEDULED("BOOKING_RESCHEDULED"),
    CANCELLED("BOOKING_CANCELLED");

    private final String trigger;

    ChangeKind(String trigger) {
        this.trigger = trigger;
    }

    public String trigger() {
        return trigger;
    }
}

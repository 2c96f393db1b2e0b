package io.schedulr.notification.domain;

/** Where a delivery (one event, one recipient) stands. */
public enum DeliveryStatus {
    /** Waiting for its first attempt. */
    PENDING,
    /** Failed at least once; waits for its next attempt time. */
    PARKED,
    SENT,
    SUPERSEDED,
    /** Its data cannot make a mail; set aside with the reason, for operators. */
    UNDELIVERABLE,
    /**
     * Never sent by us: Google invites this person for this change (the host's calendar is connected and the calendar
     * gate is on). A later mirror failure for the same change queues an email after all.
     */
    LEFT_TO_GOOGLE
}

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
    UNDELIVERABLE
}

package io.schedulr.notification.domain;

/** Where a delivery (one event, one recipient) stands. */
public enum DeliveryStatus {
    /** Waiting for its first attempt. */
    PENDING,
    /** Failed at least once; waits for its next attempt time. */
    PARKED,
    SENT,
    SUPERSEDED
}

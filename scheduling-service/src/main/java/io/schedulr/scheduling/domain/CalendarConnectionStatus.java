package io.schedulr.scheduling.domain;

/** Where a person's Google Calendar connection stands, as calendar-sync-service last announced it. */
public enum CalendarConnectionStatus {
    /** Every required scope granted, the person's dedicated calendar exists: core writes are allowed. */
    CONNECTED,
    /** Never connected, or disconnected by the person (or refused because scopes were missing). */
    NOT_CONNECTED,
    /** Google said our access was revoked (the person withdrew it in their Google account). */
    REVOKED
}

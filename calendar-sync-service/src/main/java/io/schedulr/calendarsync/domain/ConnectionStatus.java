package io.schedulr.calendarsync.domain;

/** Where a person stands with their Google Calendar. */
public enum ConnectionStatus {
    /** Every required scope granted, a refresh token held, the dedicated calendar exists. */
    CONNECTED,
    /** Never connected, or disconnected by the person. */
    NOT_CONNECTED,
    /** Google refused our refresh token ({@code invalid_grant}): the person revoked access or it expired. */
    REVOKED
}

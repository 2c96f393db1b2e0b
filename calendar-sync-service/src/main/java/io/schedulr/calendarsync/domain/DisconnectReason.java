package io.schedulr.calendarsync.domain;

/** Why a person is not connected. */
public enum DisconnectReason {
    /** They disconnected in our app. */
    USER,
    /** Google no longer honours our grant. */
    REVOKED,
    /** They unticked a scope we need on Google's consent screen; nothing was stored. */
    SCOPES_MISSING
}

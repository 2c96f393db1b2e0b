package io.schedulr.calendarsync.application.port.out;

import io.schedulr.calendarsync.application.ConnectionRefusedException;

import java.time.Instant;

/** The OAuth {@code state} values: signed, bound to one person, expiring and good for one callback only. */
public interface AuthorizationStates {
    /**
     * A new state for this person's consent; the PKCE verifier and the person's time zone (for their dedicated calendar)
     * stay on our side until the callback.
     */
    String issue(String googleAccountId, String timeZone, String codeVerifier, Instant expiresAt);

    /**
     * Uses a state up. Throws {@link ConnectionRefusedException} ({@code INVALID_STATE}) for a forged, unknown or
     * already used state and ({@code STATE_EXPIRED}) for one past its time.
     */
    PendingAuthorization consume(String state, Instant now);

    record PendingAuthorization(String googleAccountId, String timeZone, String codeVerifier) {
    }
}

package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.ConnectionRefusedException.Problem;
import io.schedulr.calendarsync.application.port.out.AuthorizationStates;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Single-use states in memory, with the same refusals as the signed ones. */
final class FakeAuthorizationStates implements AuthorizationStates {
    record Issued(String googleAccountId, String timeZone, String codeVerifier, Instant expiresAt) {
    }

    final Map<String, Issued> issued = new LinkedHashMap<>();
    private int next;

    @Override
    public String issue(String googleAccountId, String timeZone, String codeVerifier, Instant expiresAt) {
        String state = "state-" + (++next);
        issued.put(state, new Issued(googleAccountId, timeZone, codeVerifier, expiresAt));
        return state;
    }

    @Override
    public PendingAuthorization consume(String state, Instant now) {
        Issued found = issued.remove(state);
        if (found == null) {
            throw new ConnectionRefusedException(Problem.INVALID_STATE, "state was already used or is unknown");
        }
        if (found.expiresAt().isBefore(now)) {
            throw new ConnectionRefusedException(Problem.STATE_EXPIRED, "the connection attempt expired");
        }
        return new PendingAuthorization(found.googleAccountId(), found.timeZone(), found.codeVerifier());
    }
}

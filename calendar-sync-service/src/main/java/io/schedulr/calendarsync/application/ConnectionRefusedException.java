package io.schedulr.calendarsync.application;

import java.util.List;

/** A connection attempt that cannot succeed as it is; nothing was stored. */
public class ConnectionRefusedException extends RuntimeException {
    public enum Problem {
        /** Forged, unknown, already used, or started by someone else. */
        INVALID_STATE,
        STATE_EXPIRED,
        /** The person said no on Google's consent screen. */
        CONSENT_DENIED,
        /** Google refused the authorization code (expired, used, or not ours). */
        INVALID_CODE,
        /** A Calendar scope was unticked. */
        SCOPES_MISSING,
        /** The consent was given by another Google account than the one signed in. */
        ACCOUNT_MISMATCH,
        /** Google gave no refresh token and we hold none. */
        NO_OFFLINE_ACCESS,
        /** The access Google granted was withdrawn before the connection was made (a disconnect at the same moment). */
        ACCESS_WITHDRAWN,
        /** A sign-in asked Google to send the browser somewhere that is not one of our web app's pages. */
        REDIRECT_NOT_ALLOWED
    }

    private final Problem problem;
    private final List<String> missingScopes;

    public ConnectionRefusedException(Problem problem, String message) {
        this(problem, message, List.of());
    }

    public ConnectionRefusedException(Problem problem, String message, List<String> missingScopes) {
        super(message);
        this.problem = problem;
        this.missingScopes = List.copyOf(missingScopes);
    }

    public Problem problem() {
        return problem;
    }

    public List<String> missingScopes() {
        return missingScopes;
    }
}

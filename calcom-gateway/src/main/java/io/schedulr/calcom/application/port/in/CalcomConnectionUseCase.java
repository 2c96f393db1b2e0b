package io.schedulr.calcom.application.port.in;

import io.smallrye.mutiny.Uni;

import java.time.Instant;

/** Whether this service can use Cal.com with its configured API key ({@code GET /v2/me}). */
public interface CalcomConnectionUseCase {
    /** The last result while it is fresh, else a new check. */
    Uni<ConnectionStatus> status();

    /** A new check now (start-up). */
    Uni<ConnectionStatus> check();

    enum State {
        /** The key is accepted. */
        CONNECTED,
        /** No key configured (CALCOM_API_KEY). */
        NOT_CONFIGURED,
        /** Cal.com refused the key (401). */
        KEY_REJECTED,
        /** Cal.com did not answer or answered 5xx. */
        UNREACHABLE,
        /** Cal.com throttles this key right now; the key itself was not refused. */
        RATE_LIMITED;

        /** Whether the API can be used (or will be once the rate-limit window ends). */
        public boolean usable() {
            return this == CONNECTED || this == RATE_LIMITED;
        }
    }

    /** @param reason a sentence for operators; never holds the key */
    record ConnectionStatus(State state, String reason, Instant checkedAt, Long accountId) {
    }
}

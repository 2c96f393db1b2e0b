package io.schedulr.calcom.application.service;

import io.schedulr.calcom.application.port.in.CalcomConnectionUseCase;
import io.schedulr.calcom.application.port.out.CalcomApi;
import io.schedulr.calcom.application.port.out.CalcomException;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks the API key with {@code GET /v2/me} and remembers the answer for {@code freshFor}, so a health probe every few
 * seconds does not spend Cal.com's 120 requests a minute.
 */
public class CalcomConnectionService implements CalcomConnectionUseCase {
    private final CalcomApi calcom;
    private final Clock clock;
    private final Duration freshFor;
    private final AtomicReference<ConnectionStatus> last = new AtomicReference<>();

    public CalcomConnectionService(CalcomApi calcom, Clock clock, Duration freshFor) {
        this.calcom = calcom;
        this.clock = clock;
        this.freshFor = freshFor;
    }

    @Override
    public Uni<ConnectionStatus> status() {
        ConnectionStatus known = last.get();
        if (known != null && clock.instant().isBefore(known.checkedAt().plus(freshFor))) {
            return Uni.createFrom().item(known);
        }
        return check();
    }

    @Override
    public Uni<ConnectionStatus> check() {
        return calcom.me()
                .map(account -> new ConnectionStatus(State.CONNECTED, "Cal.com accepts the API key (account " + account.id() + ").",
                        clock.instant(), account.id()))
                .onFailure(CalcomException.class).recoverWithItem(f -> failed((CalcomException) f))
                .invoke(last::set);
    }

    private ConnectionStatus failed(CalcomException e) {
        Instant now = clock.instant();
        return switch (e.kind()) {
            case NOT_CONFIGURED -> new ConnectionStatus(State.NOT_CONFIGURED,
                    "No Cal.com API key is configured (set CALCOM_API_KEY); the Cal.com API cannot be used.", now, null);
            case KEY_REJECTED -> new ConnectionStatus(State.KEY_REJECTED,
                    "Cal.com rejected the configured API key (401); check CALCOM_API_KEY." + reference(e), now, null);
            case RATE_LIMITED -> new ConnectionStatus(State.RATE_LIMITED,
                    "Cal.com is rate limiting this API key right now (429); the key was not rejected." + reference(e), now, null);
            default -> new ConnectionStatus(State.UNREACHABLE, "Cal.com is unreachable or failing: " + e.getMessage(), now, null);
        };
    }

    private static String reference(CalcomException e) {
        return e.correlationId() == null ? "" : " Reference " + e.correlationId() + ".";
    }
}

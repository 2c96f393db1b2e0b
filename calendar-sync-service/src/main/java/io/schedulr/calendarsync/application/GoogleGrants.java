package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.ConnectionEvents;
import io.schedulr.calendarsync.application.port.out.ConnectionStore;
import io.schedulr.calendarsync.application.port.out.GoogleAuthorization;
import io.schedulr.calendarsync.application.port.out.GoogleAuthorization.AccessToken;
import io.schedulr.calendarsync.application.port.out.GoogleCallAudit;
import io.schedulr.calendarsync.application.port.out.TokenVault;
import io.schedulr.calendarsync.domain.CalendarConnection;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Access tokens for people's calendars, shared by everything that calls Google on their behalf: one cached per person,
 * refreshed from the sealed refresh token when it nears its end or Google says 401 (once), and {@code invalid_grant}
 * turning the person {@code revoked}.
 */
public class GoogleGrants {
    private static final System.Logger LOG = System.getLogger(GoogleGrants.class.getName());
    /** An access token is not used in its last minute. */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(60);

    private final GoogleAuthorization google;
    private final TokenVault vault;
    private final GoogleCallAudit audit;
    private final ConnectionStore connections;
    private final ConnectionEvents connectionEvents;
    private final Clock clock;
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();

    public GoogleGrants(GoogleAuthorization google, TokenVault vault, GoogleCallAudit audit, ConnectionStore connections,
                        ConnectionEvents connectionEvents, Clock clock) {
        this.google = google;
        this.vault = vault;
        this.audit = audit;
        this.connections = connections;
        this.connectionEvents = connectionEvents;
        this.clock = clock;
    }

    /** Runs the work with the person's access token; a token Google does not accept (401) is refreshed once. */
    public <T> T withAccessToken(CalendarConnection person, String roomId, Function<String, T> work) {
        try {
            return work.apply(accessToken(person, roomId, false));
        } catch (GoogleRejectedException e) {
            if (!e.unauthorized()) {
                throw e;
            }
            return work.apply(accessToken(person, roomId, true));
        }
    }

    /**
     * Google answered {@code invalid_grant} for the grant {@code person} was read with: the person is revoked (announced)
     * and must connect again — unless they connected again meanwhile, with a new grant. Runs in a transaction.
     */
    public void revoked(CalendarConnection person, String why) {
        accessTokens.remove(person.googleAccountId());
        CalendarConnection locked = connections.lock(person.googleAccountId(), person.email());
        locked.grantRefused(person.sealedRefreshToken()).ifPresentOrElse(change -> {
            LOG.log(Level.INFO, "Google no longer honours the calendar grant of " + person.googleAccountId() + " (" + why + "); marked revoked");
            connections.save(locked);
            connectionEvents.publish(change);
        }, () -> LOG.log(Level.INFO, "Google refused an earlier calendar grant of " + person.googleAccountId() + " (" + why
                + "); they have disconnected or connected again since, so nothing changes"));
    }

    private String accessToken(CalendarConnection person, String roomId, boolean fresh) {
        AccessToken cached = accessTokens.get(person.googleAccountId());
        if (!fresh && cached != null && cached.expiresAt().isAfter(clock.instant().plus(TOKEN_MARGIN))) {
            return cached.value();
        }
        AccessToken token;
        try {
            token = google.refresh(vault.open(person.sealedRefreshToken()));
        } catch (RuntimeException e) {
            audit.record(roomId, person.googleAccountId(), "token.refresh", GoogleOutcomes.of(e));
            throw e;
        }
        accessTokens.put(person.googleAccountId(), token);
        return token.value();
    }
}

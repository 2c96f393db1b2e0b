package io.schedulr.scheduling.adapter.in.rest.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens the OIDC extension has verified, with the identity it built, so that the next request carrying the very
 * same token is not verified again (an RS256 signature check is a sixth of a request's CPU here; issue 18). An entry
 * lives until the token expires or {@code max-age} passes, whichever comes first; a token that differs in any character
 * is a different key and is verified in full. Bounded: when {@code max-size} is reached the cache starts over.
 */
@ApplicationScoped
public class VerifiedTokens {
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxSize;
    private final Duration maxAge;
    private final Clock clock;

    @Inject
    VerifiedTokens(@ConfigProperty(name = "schedulr.auth.verified-token-cache.max-size", defaultValue = "4096") int maxSize,
                   @ConfigProperty(name = "schedulr.auth.verified-token-cache.max-age", defaultValue = "PT5M") Duration maxAge) {
        this(maxSize, maxAge, Clock.systemUTC());
    }

    /** The clock is the wall clock the OIDC extension checks expiry with, not the application's (tests move that one). */
    VerifiedTokens(int maxSize, Duration maxAge, Clock clock) {
        this.maxSize = maxSize;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    boolean enabled() {
        return maxSize > 0;
    }

    /** The identity verified for exactly this token, if it is still valid. */
    Optional<SecurityIdentity> find(String token) {
        Entry e = entries.get(token);
        if (e == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        if (now >= e.validUntilMillis()) {
            entries.remove(token, e);
            return Optional.empty();
        }
        return Optional.of(e.identity());
    }

    /** Remembers an identity the OIDC extension has just verified for {@code token}. */
    void remember(String token, SecurityIdentity identity) {
        if (!enabled() || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        long validUntil = Math.min(jwt.getExpirationTime() * 1000, clock.millis() + maxAge.toMillis());
        if (entries.size() >= maxSize) {
            entries.clear();
        }
        entries.put(token, new Entry(identity, validUntil));
    }

    private record Entry(SecurityIdentity identity, long validUntilMillis) {
    }
}

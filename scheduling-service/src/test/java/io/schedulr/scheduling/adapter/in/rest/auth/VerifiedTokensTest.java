package io.schedulr.scheduling.adapter.in.rest.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import io.schedulr.testsupport.SettableClock;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final SettableClock clock = new SettableClock(NOW);

    @Test
    void anEntryLivesUntilTheTokenExpires() {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5), clock);
        SecurityIdentity alice = identity("alice", NOW.plusSeconds(60));
        tokens.remember("token-a", alice);

        assertThat(tokens.find("token-a")).contains(alice);
        clock.set(NOW.plusSeconds(59));
        assertThat(tokens.find("token-a")).contains(alice);
        clock.set(NOW.plusSeconds(60));
        assertThat(tokens.find("token-a")).isEmpty();
    }

    @Test
    void anEntryLivesNoLongerThanMaxAge() {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5), clock);
        tokens.remember("token-a", identity("alice", NOW.plusSeconds(3600)));

        clock.set(NOW.plus(Duration.ofMinutes(5)));

        assertThat(tokens.find("token-a")).isEmpty();
    }

    @Test
    void onlyTheVerySameTokenIsFound() {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5), clock);
        tokens.remember("token-a", identity("alice", NOW.plusSeconds(3600)));

        assertThat(tokens.find("token-b")).isEmpty();
        assertThat(tokens.find("token-a ")).isEmpty();
    }

    @Test
    void aFullCacheStartsOver() {
        VerifiedTokens tokens = new VerifiedTokens(2, Duration.ofMinutes(5), clock);
        tokens.remember("token-a", identity("alice", NOW.plusSeconds(3600)));
        tokens.remember("token-b", identity("bob", NOW.plusSeconds(3600)));
        tokens.remember("token-c", identity("carol", NOW.plusSeconds(3600)));

        assertThat(tokens.find("token-a")).isEmpty();
        assertThat(tokens.find("token-c")).isPresent();
    }

    @Test
    void sizeZeroRemembersNothing() {
        VerifiedTokens tokens = new VerifiedTokens(0, Duration.ofMinutes(5), clock);
        tokens.remember("token-a", identity("alice", NOW.plusSeconds(3600)));

        assertThat(tokens.enabled()).isFalse();
        assertThat(tokens.find("token-a")).isEmpty();
    }

    @Test
    void anIdentityWithoutATokenPrincipalIsNotRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5), clock);
        Principal plain = () -> "plain";
        tokens.remember("token-a", QuarkusSecurityIdentity.builder().setPrincipal(plain).build());

        assertThat(tokens.find("token-a")).isEmpty();
    }

    private static SecurityIdentity identity(String name, Instant expires) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new Jwt(name, expires.getEpochSecond())).build();
    }

    private record Jwt(String getName, long expires) implements JsonWebToken {
        @Override
        public long getExpirationTime() {
            return expires;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("sub", "exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) (claimName.equals("exp") ? Long.valueOf(expires) : getName);
        }
    }
}

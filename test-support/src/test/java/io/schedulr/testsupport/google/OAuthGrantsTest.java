package io.schedulr.testsupport.google;

import io.schedulr.testsupport.SettableClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OAuthGrantsTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2030-01-01T00:00:00Z"));

    @Test
    void accessTokensLiveAnHourAndRefreshTokensUntilRevoked() {
        OAuthGrants grants = new OAuthGrants(clock);
        OAuthGrants.GrantKey grant = new OAuthGrants.GrantKey("Alice@Example.com", "client");
        grants.consent(grant, Set.of(Scopes.CALENDAR));
        String access = grants.issueAccessToken(grant, "alice@example.com", Set.of(Scopes.CALENDAR));
        String refresh = grants.issueRefreshToken(grant, "alice@example.com", Set.of(Scopes.CALENDAR));

        clock.advance(Duration.ofSeconds(3599));
        assertThat(grants.findAccessToken(access)).isNotNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(grants.findAccessToken(access)).as("expired after 3600 s").isNull();
        assertThat(grants.findRefreshToken(refresh)).isNotNull();

        assertThat(grants.revokeAll("alice@EXAMPLE.com")).isEqualTo(1);
        assertThat(grants.findRefreshToken(refresh)).isNull();
        assertThat(grants.hasConsent(grant)).isFalse();
    }

    @Test
    void anAuthorizationCodeIsGoodOnceAndForTenMinutes() {
        OAuthGrants grants = new OAuthGrants(clock);
        OAuthGrants.GrantKey grant = new OAuthGrants.GrantKey("bob@example.com", "client");
        grants.consent(grant, Set.of("openid"));
        String once = grants.issueCode(grant, "bob@example.com", "http://localhost/cb", Set.of("openid"), null, null, false);
        assertThat(grants.redeem(once)).isNotNull();
        assertThat(grants.redeem(once)).isNull();

        String late = grants.issueCode(grant, "bob@example.com", "http://localhost/cb", Set.of("openid"), null, null, false);
        clock.advance(Duration.ofMinutes(11));
        assertThat(grants.redeem(late)).isNull();
    }
}

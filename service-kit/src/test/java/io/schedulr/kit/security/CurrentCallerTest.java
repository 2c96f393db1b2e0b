package io.schedulr.kit.security;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The caller as the service sees it, from the claims of a verified Google ID token. */
class CurrentCallerTest {

    @Test
    void theNameComesFromTheTokenCleanedOfControlCharacters() {
        assertThat(callerWith(Map.of("name", "Ann\u0000 Lee")).name()).isEqualTo("Ann Lee");
    }

    @Test
    void withoutANameTheAddressStandsForIt() {
        assertThat(callerWith(Map.of()).name()).isEqualTo("ann@example.org");
    }

    @Test
    void aNameThatIsNotTextCountsAsAbsentRatherThanFailingTheRequest() {
        assertThat(callerWith(Map.of("name", 42L)).name()).isEqualTo("ann@example.org");
        assertThat(callerWith(Map.of("name", Map.of("given", "Ann"))).name()).isEqualTo("ann@example.org");
    }

    private static Caller callerWith(Map<String, Object> extra) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("sub-1");
        claims.setClaim("email", "ann@example.org");
        claims.setClaim("email_verified", true);
        extra.forEach(claims::setClaim);
        CurrentCaller current = new CurrentCaller();
        current.identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new OidcJwtCallerPrincipal(claims, new TokenCredential("token", "bearer"))).build();
        return current.get();
    }
}

package io.schedulr.kit.security;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Operators by address: Google's tokens carry no role claim, so SCHEDULR_ADMINS names them. */
class AdminsByAddressTest {
    private final AdminsByAddress admins = new AdminsByAddress(Optional.of(List.of(" Ops@Example.com", "", "lead@example.com ")));

    @Test
    void aListedAddressVerifiedBySignInIsAnAdminInAnyCase() {
        assertThat(admins.augmented(signedIn("OPS@example.COM", true)).hasRole(AdminsByAddress.ADMIN)).isTrue();
        assertThat(admins.augmented(signedIn("lead@example.com", "true")).hasRole(AdminsByAddress.ADMIN))
                .as("an issuer that sends the claim as text").isTrue();
    }

    @Test
    void anUnlistedUnverifiedOrUnstatedAddressIsNot() {
        assertThat(admins.augmented(signedIn("someone@example.com", true)).hasRole(AdminsByAddress.ADMIN)).isFalse();
        assertThat(admins.augmented(signedIn("ops@example.com", false)).hasRole(AdminsByAddress.ADMIN)).isFalse();
        assertThat(admins.augmented(signedIn("ops@example.com", null)).hasRole(AdminsByAddress.ADMIN))
                .as("a privilege needs the address verified, not just not denied").isFalse();
        assertThat(admins.augmented(signedIn(null, true)).hasRole(AdminsByAddress.ADMIN)).isFalse();
    }

    @Test
    void withoutAListOnlyTheRoleClaimCountsAndAnonymousCallersStayAnonymous() {
        AdminsByAddress none = new AdminsByAddress(Optional.empty());
        assertThat(none.augmented(signedIn("ops@example.com", true)).hasRole(AdminsByAddress.ADMIN)).isFalse();
        SecurityIdentity byClaim = QuarkusSecurityIdentity.builder(signedIn("ops@example.com", true)).addRole(AdminsByAddress.ADMIN).build();
        assertThat(none.augmented(byClaim)).isSameAs(byClaim);
        SecurityIdentity anonymous = QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        assertThat(admins.augmented(anonymous).isAnonymous()).isTrue();
        assertThat(admins.augmented(anonymous).hasRole(AdminsByAddress.ADMIN)).isFalse();
    }

    private static SecurityIdentity signedIn(String email, Object verified) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("sub-" + email);
        if (email != null) {
            claims.setClaim("email", email);
        }
        if (verified != null) {
            claims.setClaim("email_verified", verified);
        }
        return QuarkusSecurityIdentity.builder().setPrincipal(new OidcJwtCallerPrincipal(claims, null)).build();
    }
}

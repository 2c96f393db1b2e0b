package io.schedulr.kit.security;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Operators named by address. Google's ID tokens — the only sign-in in production — carry no role claim, so without this
 * nobody could ever hold the role {@value #ADMIN} there (manage the interview team, read any room's deliveries). The
 * people whose sign-in addresses {@code schedulr.admins} lists ({@code SCHEDULR_ADMINS}, comma-separated, any case) get
 * it when their token's address is verified. A token whose role claim ({@code groups}) holds it already keeps it
 * (another issuer, the local Google's tokens).
 */
@ApplicationScoped
public class AdminsByAddress implements SecurityIdentityAugmentor {
    public static final String ADMIN = "admin";
    private static final Logger LOG = Logger.getLogger(AdminsByAddress.class);

    private final Set<String> admins;

    @Inject
    public AdminsByAddress(@ConfigProperty(name = "schedulr.admins") Optional<List<String>> admins) {
        this.admins = admins.orElse(List.of()).stream().filter(Objects::nonNull).map(String::strip).filter(a -> !a.isEmpty())
                .map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    void sayWho(@Observes StartupEvent started) {
        LOG.infof("operators (role admin) by address, from SCHEDULR_ADMINS: %d", admins.size());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(augmented(identity));
    }

    SecurityIdentity augmented(SecurityIdentity identity) {
        if (admins.isEmpty() || identity.isAnonymous() || identity.hasRole(ADMIN) || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return identity;
        }
        Object email = claim(jwt, "email");
        Object verified = claim(jwt, "email_verified");
        if (!(email instanceof String address) || !admins.contains(address.strip().toLowerCase(Locale.ROOT))
                || !(Boolean.TRUE.equals(verified) || "true".equalsIgnoreCase(String.valueOf(verified).strip()))) {
            return identity;
        }
        return QuarkusSecurityIdentity.builder(identity).addRole(ADMIN).build();
    }

    /** As {@link CurrentCaller} reads claims outside MicroProfile's standard set: from the token's own claims. */
    private static Object claim(JsonWebToken jwt, String name) {
        return jwt instanceof OidcJwtCallerPrincipal oidc ? oidc.getClaims().getClaimValue(name) : jwt.getClaim(name);
    }
}

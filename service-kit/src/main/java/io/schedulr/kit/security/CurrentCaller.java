package io.schedulr.kit.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.DateTimeException;
import java.time.ZoneId;

/** The signed-in {@link Caller} of the current request; claims follow OpenID Connect (sub, email, name, zoneinfo). */
@RequestScoped
public class CurrentCaller {
    @Inject
    SecurityIdentity identity;

    public Caller get() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new UnauthorizedException();
        }
        String email = jwt.getClaim("email");
        String name = jwt.getClaim("name");
        return new Caller(jwt.getSubject(), email, name == null || name.isBlank() ? email : name, zone(jwt.getClaim("zoneinfo")));
    }

    private static String zone(Object claim) {
        if (claim == null) {
            return "UTC";
        }
        try {
            return ZoneId.of(claim.toString()).getId();
        } catch (DateTimeException e) {
            return "UTC";
        }
    }
}

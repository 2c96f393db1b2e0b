package io.schedulr.kit.security;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.UnauthorizedException;
import io.schedulr.events.ParticipantRules;
import io.schedulr.kit.rest.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The signed-in {@link Caller} of the current request; claims follow OpenID Connect (sub, email, email_verified, name,
 * zoneinfo). Everything this platform does ends in an invitation mail, so a token must carry a verified address the
 * mail path can send to; otherwise every call is refused with 403 and the reason, never a 500 further in.
 */
@RequestScoped
public class CurrentCaller {
    @Inject
    SecurityIdentity identity;

    public Caller get() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new UnauthorizedException();
        }
        String email = jwt.getClaim("email");
        if (email == null || email.isBlank()) {
            throw new ApiException(403, "email_required", "Your sign-in carries no email address; invitations need one.");
        }
        if (Boolean.FALSE.equals(verified(jwt.getClaim("email_verified")))) {
            throw new ApiException(403, "email_unverified", "Your email address is not verified by your sign-in provider.");
        }
        if (!ParticipantRules.isSendable(email)) {
            throw new ApiException(403, "email_unusable", "Invitations cannot be sent to the email address of your sign-in.");
        }
        String name = ParticipantRules.cleanName(textClaimOutsideTheStandardSet(jwt, "name"));
        return new Caller(jwt.getSubject(), email, name == null || name.isBlank() ? email : name, zone(jwt.getClaim("zoneinfo")));
    }

    /**
     * The zone the token states ({@code zoneinfo}), or null when it states none or one that is not a zone. Google's ID
     * tokens carry none: for them {@link Caller#timeZone()} is only the default, UTC, and a service that keeps the person's
     * own zone keeps it rather than overwrite it with that default.
     */
    public String statedZone() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new UnauthorizedException();
        }
        return statedZone(jwt.getClaim("zoneinfo"));
    }

    /**
     * A claim MicroProfile JWT has no constant for ("name"): SmallRye's {@code getClaim} first looks the name up as an enum
     * constant and throws and catches an exception when there is none — with a reactive stack's depth, on every request.
     * The token's own claims answer without one. A value that is not text counts as absent.
     */
    private static String textClaimOutsideTheStandardSet(JsonWebToken jwt, String claim) {
        Object value = jwt instanceof OidcJwtCallerPrincipal oidc ? oidc.getClaims().getClaimValue(claim) : jwt.getClaim(claim);
        return value instanceof String text ? text : null;
    }

    /** Google sends a boolean, some issuers the string "false"; an issuer that does not send it is taken at its word. */
    private static Boolean verified(Object claim) {
        if (claim == null) {
            return null;
        }
        return claim instanceof Boolean b ? b : Boolean.valueOf(claim.toString().strip());
    }

    private static String zone(Object claim) {
        String stated = statedZone(claim);
        return stated == null ? "UTC" : stated;
    }

    private static String statedZone(Object claim) {
        if (claim == null) {
            return null;
        }
        try {
            return ZoneId.of(claim.toString()).getId();
        } catch (DateTimeException e) {
            return null;
        }
    }
}

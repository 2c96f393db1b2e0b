package io.schedulr.testsupport.google;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.util.List;

/**
 * Signs ID tokens shaped like Google's, with the stand-in's own extras ({@code zoneinfo}, {@code groups}). Google's own
 * ID tokens carry no {@code zoneinfo}; a test asks for such a token with {@code omit=zoneinfo}.
 */
final class IdTokens {
    /**
     * @param email    null leaves out email and email_verified (a test knob)
     * @param zoneInfo null leaves out zoneinfo, as Google does
     * @param roles    the {@code groups} claim quarkus-oidc reads roles from; empty for none
     * @param lifetimeSeconds negative gives an already expired token
     */
    record Claims(String issuer, String audience, String subject, String email, boolean emailVerified, String name,
                  String zoneInfo, long lifetimeSeconds, List<String> roles) {
    }

    private final SigningKey key;

    IdTokens(SigningKey key) {
        this.key = key;
    }

    String mint(Claims c) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(c.issuer());
        claims.setClaim("azp", c.audience());
        claims.setAudience(c.audience());
        claims.setSubject(c.subject());
        claims.setGeneratedJwtId();
        long now = System.currentTimeMillis() / 1000;
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + c.lifetimeSeconds()));
        if (c.email() != null) {
            claims.setClaim("email", c.email());
            claims.setClaim("email_verified", c.emailVerified());
        }
        claims.setClaim("name", c.name());
        if (c.zoneInfo() != null) {
            claims.setClaim("zoneinfo", c.zoneInfo());
        }
        if (!c.roles().isEmpty()) {
            // The claim quarkus-oidc reads roles from when no role-claim-path is configured.
            claims.setStringListClaim("groups", c.roles());
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.jwk().getPrivateKey());
        jws.setKeyIdHeaderValue(SigningKey.KEY_ID);
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }
}

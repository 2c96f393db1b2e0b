package io.schedulr.testsupport.google;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;

/** The RSA key ID tokens are signed with, made at start-up and never written anywhere, published as JWKS and as PEM. */
final class SigningKey {
    static final String KEY_ID = "dev-issuer-1";

    private final RsaJsonWebKey jwk;
    private final String certificatePem;

    private SigningKey(RsaJsonWebKey jwk, String certificatePem) {
        this.jwk = jwk;
        this.certificatePem = certificatePem;
    }

    static SigningKey generate() {
        RsaJsonWebKey jwk;
        try {
            jwk = RsaJwkGenerator.generateJwk(2048);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot generate the signing key", e);
        }
        jwk.setKeyId(KEY_ID);
        jwk.setUse("sig");
        jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        KeyPair pair = new KeyPair(jwk.getRsaPublicKey(), jwk.getRsaPrivateKey());
        return new SigningKey(jwk, SelfSignedX509.pem(pair, "local-google-id-token-signer", Duration.ofDays(30)));
    }

    RsaJsonWebKey jwk() {
        return jwk;
    }

    /** What {@code /oauth2/v3/certs} (and the older {@code /jwks}) serve. */
    String jwksJson() {
        return new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** What {@code /oauth2/v1/certs} serves: key id → PEM certificate, as GooglePublicKeysManager reads it. */
    String certificatesJson() {
        return Json.write(Map.of(KEY_ID, certificatePem));
    }
}

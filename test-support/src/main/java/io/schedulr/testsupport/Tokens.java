package io.schedulr.testsupport;

import io.schedulr.testsupport.infra.TokenIssuer;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tokens from the real development issuer, plus forged ones that must be refused. */
public final class Tokens {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    private Tokens() {
    }

    /** A new person with a unique email, signed in through the issuer. */
    public static TestUser newUser(String name, String timeZone) {
        String email = name.toLowerCase().replaceAll("[^a-z0-9]", "") + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com";
        return user(email, name, timeZone);
    }

    public static TestUser user(String email, String name, String timeZone) {
        return new TestUser(TokenIssuer.subjectFor(email), email, name, timeZone, issue(email, name, timeZone, 3600));
    }

    /** The kinds of token every authenticated route must refuse with 401, as the authorization matrix tests name them. */
    public enum Refused {
        NO_TOKEN, EXPIRED, WRONG_ISSUER, WRONG_AUDIENCE, ALG_NONE, HS256_WITH_PUBLIC_KEY, FOREIGN_KEY;

        /** The bearer token of this kind for a fresh address, or null for {@link #NO_TOKEN}. */
        public String token() {
            String email = "refused-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            return switch (this) {
                case NO_TOKEN -> null;
                case EXPIRED -> expired(email);
                case WRONG_ISSUER -> withClaims(email, "Wrong Issuer", "iss=http://issuer.evil.example");
                case WRONG_AUDIENCE -> withClaims(email, "Wrong Audience", "aud=another-client");
                case ALG_NONE -> algNone(email);
                case HS256_WITH_PUBLIC_KEY -> hs256WithIssuerPublicKey(email);
                case FOREIGN_KEY -> forged(email);
            };
        }
    }

    /** A new person whose token carries these roles ({@code groups} claim, e.g. {@code "admin"}). */
    public static TestUser newUserWithRoles(String name, String timeZone, String... roles) {
        String email = name.toLowerCase().replaceAll("[^a-z0-9]", "") + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com";
        String token = issue("email=" + enc(email) + "&name=" + enc(name) + "&tz=" + enc(timeZone) + "&expires_in=3600&roles="
                + enc(String.join(",", roles)));
        return new TestUser(TokenIssuer.subjectFor(email), email, name, timeZone, token);
    }

    /** Signed by the real issuer but already past its expiry. */
    public static String expired(String email) {
        return issue(email, "Expired", "UTC", -3600);
    }

    /** Signed by the real issuer, valid for {@code seconds} more. */
    public static String expiringIn(String email, long seconds) {
        return issue(email, "Soon", "UTC", seconds);
    }

    /** Same issuer, key id and claims, but signed with a key the issuer never had. */
    public static String forged(String email) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(TestInfra.get().issuerUrl());
            claims.setSubject(TokenIssuer.subjectFor(email));
            claims.setAudience(TokenIssuer.AUDIENCE);
            claims.setIssuedAtToNow();
            claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + 3600));
            claims.setClaim("email", email);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue("dev-issuer-1");
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims of a valid token, unsigned: {@code alg=none}. */
    public static String algNone(String email) {
        JsonWebSignature jws = jws(email);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The classic key-confusion forgery: HS256 with the issuer's public RSA key (as published in its JWKS) as the secret. */
    public static String hs256WithIssuerPublicKey(String email) {
        try {
            String jwks = HTTP.send(HttpRequest.newBuilder(URI.create(TestInfra.get().issuerUrl() + "/jwks")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            byte[] publicKey = new org.jose4j.jwk.JsonWebKeySet(jwks).getJsonWebKeys().get(0).getKey().getEncoded();
            JsonWebSignature jws = jws(email);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
            jws.setKey(new org.jose4j.keys.HmacKey(publicKey));
            return jws.getCompactSerialization();
        } catch (IOException | JoseException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonWebSignature jws(String email) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(TestInfra.get().issuerUrl());
        claims.setSubject(TokenIssuer.subjectFor(email));
        claims.setAudience(TokenIssuer.AUDIENCE);
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + 3600));
        claims.setClaim("email", email);
        claims.setClaim("email_verified", true);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKeyIdHeaderValue("dev-issuer-1");
        return jws;
    }

    /**
     * A token of the real issuer with chosen claims: {@code extra} is added to the issuer's form, e.g.
     * {@code "aud=someone-else"}, {@code "iss=http://evil.example"}, {@code "email_verified=false"}, {@code "omit=email"}, {@code "omit=zoneinfo"}.
     */
    public static String withClaims(String email, String name, String extra) {
        return issue("email=" + enc(email) + "&name=" + enc(name) + "&tz=UTC&expires_in=3600&" + extra);
    }

    private static String issue(String email, String name, String timeZone, long lifetimeSeconds) {
        return issue("email=" + enc(email) + "&name=" + enc(name) + "&tz=" + enc(timeZone) + "&expires_in=" + lifetimeSeconds);
    }

    private static String issue(String form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestInfra.get().issuerUrl() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("token issuer answered " + response.statusCode() + ": " + response.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("token issuer unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

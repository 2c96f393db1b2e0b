package io.schedulr.testsupport.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * A development OpenID Connect issuer: discovery document, JWKS, and {@code POST /token} that mints RS256 JWTs
 * with sub, email, name, zoneinfo and, when asked for, the roles in {@code groups}. The signing key is made at start-up
 * and never written anywhere.
 */
public final class TokenIssuer implements AutoCloseable {
    /** The audience every service expects ({@code quarkus.oidc.token.audience}). */
    public static final String AUDIENCE = "schedulr";
    static final String KEY_ID = "dev-issuer-1";

    private final HttpServer server;
    private final RsaJsonWebKey key;
    private final String issuer;

    private TokenIssuer(HttpServer server, RsaJsonWebKey key, String issuer) {
        this.server = server;
        this.key = key;
        this.issuer = issuer;
    }

    public static TokenIssuer start(int port) throws IOException {
        RsaJsonWebKey key;
        try {
            key = RsaJwkGenerator.generateJwk(2048);
        } catch (JoseException e) {
            throw new IOException("cannot generate the signing key", e);
        }
        key.setKeyId(KEY_ID);
        key.setUse("sig");
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        String issuer = "http://localhost:" + server.getAddress().getPort();
        TokenIssuer tokenIssuer = new TokenIssuer(server, key, issuer);
        server.createContext("/.well-known/openid-configuration", tokenIssuer::discovery);
        server.createContext("/jwks", tokenIssuer::jwks);
        server.createContext("/token", tokenIssuer::token);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "token-issuer");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return tokenIssuer;
    }

    public String issuer() {
        return issuer;
    }

    /** Mints a signed token; a negative lifetime gives an already expired one. */
    public String mint(String subject, String email, String name, String zoneInfo, long lifetimeSeconds) {
        return mint(subject, email, name, zoneInfo, lifetimeSeconds, AUDIENCE, true);
    }

    /**
     * The same with the claims tests of token handling need to choose: another audience, an unverified email, or
     * (email null) no email claim at all.
     */
    public String mint(String subject, String email, String name, String zoneInfo, long lifetimeSeconds, String audience,
                       boolean emailVerified) {
        return mint(issuer, subject, email, name, zoneInfo, lifetimeSeconds, audience, emailVerified, List.of());
    }

    private String mint(String issuedBy, String subject, String email, String name, String zoneInfo, long lifetimeSeconds,
                        String audience, boolean emailVerified, List<String> roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuedBy);
        claims.setSubject(subject);
        claims.setAudience(audience);
        claims.setGeneratedJwtId();
        long now = System.currentTimeMillis() / 1000;
        claims.setIssuedAtToNow();
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(now + lifetimeSeconds));
        if (email != null) {
            claims.setClaim("email", email);
            claims.setClaim("email_verified", emailVerified);
        }
        claims.setClaim("name", name);
        claims.setClaim("zoneinfo", zoneInfo);
        if (!roles.isEmpty()) {
            // The claim quarkus-oidc reads roles from when no role-claim-path is configured.
            claims.setStringListClaim("groups", roles);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(KEY_ID);
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    private static List<String> roles(String param) {
        return param == null ? List.of() : Arrays.stream(param.split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList();
    }

    /** The subject the issuer gives an email address when none is asked for: stable across restarts. */
    public static String subjectFor(String email) {
        return UUID.nameUUIDFromBytes(("schedulr-dev:" + email.toLowerCase()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String json = "{\"issuer\":" + HttpExchanges.quote(issuer)
                + ",\"jwks_uri\":" + HttpExchanges.quote(issuer + "/jwks")
                + ",\"token_endpoint\":" + HttpExchanges.quote(issuer + "/token")
                + ",\"response_types_supported\":[\"token\"]"
                + ",\"subject_types_supported\":[\"public\"]"
                + ",\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
        HttpExchanges.json(exchange, 200, json);
    }

    private void jwks(HttpExchange exchange) throws IOException {
        HttpExchanges.json(exchange, 200, new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    }

    private void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            HttpExchanges.json(exchange, 405, "{\"error\":\"invalid_request\",\"error_description\":\"use POST\"}");
            return;
        }
        Map<String, String> params = HttpExchanges.params(exchange);
        String email = params.get("email");
        if (email == null || !email.contains("@")) {
            HttpExchanges.json(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"email is required\"}");
            return;
        }
        String tz = params.getOrDefault("tz", "UTC");
        try {
            ZoneId.of(tz);
        } catch (RuntimeException e) {
            HttpExchanges.json(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"unknown time zone\"}");
            return;
        }
        long lifetime;
        try {
            lifetime = Long.parseLong(params.getOrDefault("expires_in", "3600"));
        } catch (NumberFormatException e) {
            HttpExchanges.json(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"expires_in must be a number\"}");
            return;
        }
        String subject = params.getOrDefault("sub", subjectFor(email));
        String name = params.getOrDefault("name", email.substring(0, email.indexOf('@')));
        // Test knobs: aud=…, iss=… (a token signed by this key but claiming another issuer), email_verified=false, omit=email,
        // roles=admin,… (the groups claim).
        String token = mint(params.getOrDefault("iss", issuer), subject, "email".equals(params.get("omit")) ? null : email, name, tz,
                lifetime, params.getOrDefault("aud", AUDIENCE), !"false".equals(params.get("email_verified")), roles(params.get("roles")));
        HttpExchanges.json(exchange, 200, "{\"access_token\":" + HttpExchanges.quote(token)
                + ",\"token_type\":\"Bearer\",\"expires_in\":" + lifetime
                + ",\"sub\":" + HttpExchanges.quote(subject) + "}");
    }
}

package io.schedulr.testsupport.google;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Discovery, the signing keys as JWKS and as PEM certificates, and userinfo: what OpenID Connect clients read. */
final class OpenIdEndpoints {
    private final String issuer;
    private final SigningKey key;
    private final OAuthGrants grants;
    private final People people;

    OpenIdEndpoints(String issuer, SigningKey key, OAuthGrants grants, People people) {
        this.issuer = issuer;
        this.key = key;
        this.grants = grants;
        this.people = people;
    }

    void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", issuer);
        d.put("authorization_endpoint", issuer + "/o/oauth2/v2/auth");
        d.put("token_endpoint", issuer + "/token");
        d.put("userinfo_endpoint", issuer + "/v1/userinfo");
        d.put("revocation_endpoint", issuer + "/revoke");
        d.put("jwks_uri", issuer + "/oauth2/v3/certs");
        d.put("response_types_supported", List.of("code", "token", "id_token", "code token", "code id_token", "token id_token",
                "code token id_token", "none"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("scopes_supported", List.of("openid", "email", "profile"));
        d.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "client_secret_basic"));
        d.put("claims_supported", List.of("aud", "email", "email_verified", "exp", "iat", "iss", "name", "sub", "zoneinfo"));
        d.put("code_challenge_methods_supported", List.of("plain", "S256"));
        d.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        GoogleExchange.json(exchange, 200, d);
    }

    void jwks(HttpExchange exchange) throws IOException {
        cacheable(exchange);
        GoogleExchange.json(exchange, 200, key.jwksJson());
    }

    void certificates(HttpExchange exchange) throws IOException {
        cacheable(exchange);
        GoogleExchange.json(exchange, 200, key.certificatesJson());
    }

    void userinfo(HttpExchange exchange) throws IOException {
        OAuthGrants.AccessToken token = grants.findAccessToken(GoogleExchange.bearer(exchange));
        if (token == null) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
            GoogleExchange.json(exchange, 401, TokenEndpoint.errorJson("invalid_request", "Invalid Credentials"));
            return;
        }
        People.Person person = people.find(token.email());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("sub", person.subject());
        info.put("name", person.name());
        info.put("email", person.email());
        info.put("email_verified", true);
        if (person.statedZone() != null) {
            info.put("zoneinfo", person.statedZone());
        }
        GoogleExchange.json(exchange, 200, info);
    }

    /** Google's key responses carry max-age; GooglePublicKeysManager caches by it. */
    private static void cacheable(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Cache-Control", "public, max-age=300, must-revalidate, no-transform");
    }
}

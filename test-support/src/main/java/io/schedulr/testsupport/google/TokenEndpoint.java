package io.schedulr.testsupport.google;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /token}: Google's token endpoint for {@code grant_type=authorization_code} and {@code refresh_token}
 * (client authenticated by form fields or HTTP Basic), and the development quick mint when there is no grant_type.
 */
final class TokenEndpoint {
    private final RegisteredClient client;
    private final OAuthGrants grants;
    private final IdTokens idTokens;
    private final People people;
    private final String issuer;
    private final QuickMint quickMint;

    TokenEndpoint(RegisteredClient client, OAuthGrants grants, IdTokens idTokens, People people, String issuer, QuickMint quickMint) {
        this.client = client;
        this.grants = grants;
        this.idTokens = idTokens;
        this.people = people;
        this.issuer = issuer;
        this.quickMint = quickMint;
    }

    void handle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        exchange.getResponseHeaders().set("Pragma", "no-cache");
        if (!"POST".equals(exchange.getRequestMethod())) {
            GoogleExchange.json(exchange, 405, "{\"error\":\"invalid_request\",\"error_description\":\"use POST\"}");
            return;
        }
        Map<String, String> p = GoogleExchange.form(exchange);
        String grantType = p.get("grant_type");
        if (grantType == null) {
            quickMint.handle(exchange, p);
            return;
        }
        String clientError = authenticateClient(exchange, p);
        if (clientError != null) {
            GoogleExchange.json(exchange, 401, clientError);
            return;
        }
        switch (grantType) {
            case "authorization_code" -> authorizationCode(exchange, p);
            case "refresh_token" -> refreshToken(exchange, p);
            default -> error(exchange, 400, "unsupported_grant_type", "Invalid grant_type: " + grantType);
        }
    }

    private void authorizationCode(HttpExchange exchange, Map<String, String> p) throws IOException {
        OAuthGrants.Code code = grants.redeem(p.get("code"));
        if (code == null) {
            error(exchange, 400, "invalid_grant", "Bad Request");
            return;
        }
        if (!code.redirectUri().equals(p.get("redirect_uri"))) {
            error(exchange, 400, "redirect_uri_mismatch", "Bad Request");
            return;
        }
        if (code.codeChallenge() != null) {
            String verifier = p.get("code_verifier");
            if (verifier == null) {
                error(exchange, 400, "invalid_grant", "Missing code verifier.");
                return;
            }
            if (!challengeOf(verifier, code.challengeMethod()).equals(code.codeChallenge())) {
                error(exchange, 400, "invalid_grant", "Invalid code verifier.");
                return;
            }
        }
        Map<String, Object> answer = tokens(code.grant(), code.email(), code.scopes());
        if (code.withRefreshToken()) {
            answer.put("refresh_token", grants.issueRefreshToken(code.grant(), code.email(), code.scopes()));
        }
        GoogleExchange.json(exchange, 200, answer);
    }

    private void refreshToken(HttpExchange exchange, Map<String, String> p) throws IOException {
        OAuthGrants.RefreshToken refresh = grants.findRefreshToken(p.get("refresh_token"));
        if (refresh == null) {
            error(exchange, 400, "invalid_grant", "Token has been expired or revoked.");
            return;
        }
        if (!refresh.grant().clientId().equals(client.id())) {
            error(exchange, 401, "unauthorized_client", "Unauthorized");
            return;
        }
        GoogleExchange.json(exchange, 200, tokens(refresh.grant(), refresh.email(), refresh.scopes()));
    }

    private Map<String, Object> tokens(OAuthGrants.GrantKey grant, String email, Set<String> scopes) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", grants.issueAccessToken(grant, email, scopes));
        answer.put("expires_in", OAuthGrants.ACCESS_TOKEN_LIFETIME.toSeconds() - 1);
        answer.put("scope", Scopes.join(scopes));
        answer.put("token_type", "Bearer");
        if (scopes.contains("openid")) {
            People.Person person = people.find(email);
            answer.put("id_token", idTokens.mint(new IdTokens.Claims(issuer, client.id(), person.subject(), person.email(), true,
                    person.name(), person.statedZone(), OAuthGrants.ACCESS_TOKEN_LIFETIME.toSeconds(), List.of())));
        }
        return answer;
    }

    /** An error body in Google's shape, or null when the client is who it says. */
    private String authenticateClient(HttpExchange exchange, Map<String, String> p) {
        String id = p.get("client_id");
        String secret = p.get("client_secret");
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(basic.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return errorJson("invalid_client", "Unauthorized");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return errorJson("invalid_client", "Unauthorized");
            }
            id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        }
        if (!client.id().equals(id)) {
            return errorJson("invalid_client", "The OAuth client was not found.");
        }
        return client.secretMatches(secret) ? null : errorJson("invalid_client", "Unauthorized");
    }

    private static String challengeOf(String verifier, String method) {
        if ("plain".equals(method)) {
            return verifier;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void error(HttpExchange exchange, int status, String error, String description) throws IOException {
        GoogleExchange.json(exchange, status, errorJson(error, description));
    }

    static String errorJson(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return Json.write(body);
    }
}

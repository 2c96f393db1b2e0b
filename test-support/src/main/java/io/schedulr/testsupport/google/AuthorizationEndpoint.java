package io.schedulr.testsupport.google;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /o/oauth2/v2/auth}, Google's consent screen without anyone to click it: the {@code login_hint} person
 * consents at once and the browser is sent back to {@code redirect_uri} with a code. Test knobs: {@code deny=1} (the
 * person refused: {@code error=access_denied}), {@code drop_scopes=a,b} (granular consent: those boxes unticked).
 * {@code prompt=none} shows nothing: a code only for a browser signed in here to the {@code login_hint} account
 * ({@link BrowserSessions}) that consented before, else {@code error=login_required} or {@code consent_required}.
 * Problems Google shows on its own error page (unknown client, redirect not registered, missing parameters) are a
 * plain-text 400/401 here, never a redirect.
 */
final class AuthorizationEndpoint {
    private final RegisteredClient client;
    private final OAuthGrants grants;
    private final People people;
    private final BrowserSessions sessions = new BrowserSessions();

    AuthorizationEndpoint(RegisteredClient client, OAuthGrants grants, People people) {
        this.client = client;
        this.grants = grants;
        this.people = people;
    }

    void handle(HttpExchange exchange) throws IOException {
        Map<String, String> p = GoogleExchange.form(exchange);
        if (!client.id().equals(p.get("client_id"))) {
            errorPage(exchange, 401, "invalid_client", "The OAuth client was not found.");
            return;
        }
        String redirectUri = p.get("redirect_uri");
        if (!client.allowsRedirect(redirectUri)) {
            errorPage(exchange, 400, "redirect_uri_mismatch", "redirect_uri is not registered for this client: " + redirectUri);
            return;
        }
        String state = p.get("state");
        if (!"code".equals(p.get("response_type"))) {
            back(exchange, redirectUri, state, Map.of("error", "unsupported_response_type"));
            return;
        }
        Set<String> requested = Scopes.parse(p.get("scope"));
        if (requested.isEmpty()) {
            errorPage(exchange, 400, "invalid_request", "Missing required parameter: scope");
            return;
        }
        String challenge = p.get("code_challenge");
        String method = p.getOrDefault("code_challenge_method", challenge == null ? null : "plain");
        if (method != null && (challenge == null || !List.of("plain", "S256").contains(method))) {
            errorPage(exchange, 400, "invalid_request", "Invalid code_challenge or code_challenge_method");
            return;
        }
        String email = p.get("login_hint");
        if ((email == null || email.isBlank()) && Scopes.parse(p.get("prompt")).contains("none")) {
            back(exchange, redirectUri, state, Map.of("error", "login_required"));
            return;
        }
        if (email == null || email.isBlank()) {
            AccountChooser.show(exchange, p);
            return;
        }
        if (!email.contains("@")) {
            errorPage(exchange, 400, "invalid_request", "login_hint is not an email address: " + email);
            return;
        }
        if (p.get("name") != null && !p.get("name").isBlank()) {
            // Chosen on the account page: what the person typed is what their ID token will say.
            // The zone left empty: an account like Google's, whose ID tokens state no zone.
            people.remember(email, p.get("name").strip(), zoneOrUtc(p.get("tz")), p.get("tz") == null || !p.get("tz").isBlank());
        }
        if ("1".equals(p.get("deny")) || "true".equals(p.get("deny"))) {
            back(exchange, redirectUri, state, Map.of("error", "access_denied"));
            return;
        }
        OAuthGrants.GrantKey grant = new OAuthGrants.GrantKey(email, client.id());
        Set<String> prompt = Scopes.parse(p.get("prompt"));
        boolean firstConsent = !grants.hasConsent(grant);
        if (prompt.contains("none")) {
            // No page to show: only a browser already signed in to this account, which consented before, gets a code.
            if (!sessions.isSignedIn(exchange, email)) {
                back(exchange, redirectUri, state, Map.of("error", "login_required"));
                return;
            }
            if (firstConsent || !grants.consentedScopes(grant).containsAll(requested)) {
                back(exchange, redirectUri, state, Map.of("error", "consent_required"));
                return;
            }
        } else {
            sessions.signIn(exchange, email);
        }
        Set<String> granted = new LinkedHashSet<>(requested);
        granted.removeAll(Scopes.parse(p.get("drop_scopes")));
        if ("true".equals(p.get("include_granted_scopes"))) {
            granted.addAll(grants.consentedScopes(grant));
        }
        grants.consent(grant, granted);
        // Google hands out a refresh token with offline access only when the consent screen was shown.
        boolean withRefreshToken = "offline".equals(p.get("access_type")) && (firstConsent || prompt.contains("consent"));
        String code = grants.issueCode(grant, email, redirectUri, granted, challenge, method, withRefreshToken);
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", code);
        answer.put("scope", Scopes.join(granted));
        answer.put("authuser", "0");
        answer.put("prompt", "consent");
        back(exchange, redirectUri, state, answer);
    }

    private static void back(HttpExchange exchange, String redirectUri, String state, Map<String, String> params) throws IOException {
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        Map<String, String> all = new LinkedHashMap<>();
        if (state != null) {
            all.put("state", state);
        }
        all.putAll(params);
        all.forEach((k, v) -> location.append(enc(k)).append('=').append(enc(v)).append('&'));
        location.setLength(location.length() - 1);
        GoogleExchange.redirect(exchange, location.toString());
    }

    private static void errorPage(HttpExchange exchange, int status, String error, String detail) throws IOException {
        GoogleExchange.respond(exchange, status, "text/plain; charset=UTF-8",
                "Error " + status + ": " + error + "\n\n" + detail + "\n");
    }

    private static String zoneOrUtc(String zone) {
        try {
            return zone == null || zone.isBlank() ? "UTC" : java.time.ZoneId.of(zone.strip()).getId();
        } catch (java.time.DateTimeException e) {
            return "UTC";
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

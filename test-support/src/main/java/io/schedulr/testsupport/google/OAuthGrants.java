package io.schedulr.testsupport.google;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What people have granted which client: consents, authorization codes (single use, 10 minutes), refresh tokens
 * and access tokens (an hour). Revoking any token of a grant ends the whole grant, as at Google.
 */
final class OAuthGrants {
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(3600);
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    record GrantKey(String email, String clientId) {
        GrantKey {
            email = email.toLowerCase(Locale.ROOT);
        }
    }

    /** What a redirect carried: redeemed at most once. */
    record Code(GrantKey grant, String email, String redirectUri, Set<String> scopes, String codeChallenge,
                String challengeMethod, boolean withRefreshToken, Instant expiresAt) {
    }

    record RefreshToken(GrantKey grant, String email, Set<String> scopes) {
    }

    record AccessToken(GrantKey grant, String email, Set<String> scopes, Instant expiresAt) {
    }

    private final Clock clock;
    private final Map<GrantKey, Set<String>> consents = new HashMap<>();
    private final Map<String, Code> codes = new HashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new HashMap<>();
    private final Map<String, AccessToken> accessTokens = new HashMap<>();

    OAuthGrants(Clock clock) {
        this.clock = clock;
    }

    synchronized boolean hasConsent(GrantKey grant) {
        return consents.containsKey(grant);
    }

    synchronized Set<String> consentedScopes(GrantKey grant) {
        return ordered(consents.getOrDefault(grant, Set.of()));
    }

    /** Records a consent screen the person approved; Google remembers every scope ever granted to the client. */
    synchronized void consent(GrantKey grant, Set<String> scopes) {
        consents.computeIfAbsent(grant, g -> new LinkedHashSet<>()).addAll(scopes);
    }

    synchronized String issueCode(GrantKey grant, String email, String redirectUri, Set<String> scopes, String codeChallenge,
                                  String challengeMethod, boolean withRefreshToken) {
        String code = "4/0A" + random(40);
        codes.put(code, new Code(grant, email, redirectUri, ordered(scopes), codeChallenge, challengeMethod, withRefreshToken,
                clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /** The code's grant, removing it; null when unknown, used, expired or since revoked. */
    synchronized Code redeem(String code) {
        Code found = code == null ? null : codes.remove(code);
        if (found == null || found.expiresAt().isBefore(clock.instant()) || !consents.containsKey(found.grant())) {
            return null;
        }
        return found;
    }

    synchronized String issueRefreshToken(GrantKey grant, String email, Set<String> scopes) {
        String token = "1//0g" + random(60);
        refreshTokens.put(token, new RefreshToken(grant, email, ordered(scopes)));
        return token;
    }

    synchronized RefreshToken findRefreshToken(String token) {
        return token == null ? null : refreshTokens.get(token);
    }

    synchronized String issueAccessToken(GrantKey grant, String email, Set<String> scopes) {
        String token = "ya29.a0" + random(80);
        accessTokens.put(token, new AccessToken(grant, email, ordered(scopes), clock.instant().plus(ACCESS_TOKEN_LIFETIME)));
        return token;
    }

    /** A live access token; null when unknown, expired or revoked. */
    synchronized AccessToken findAccessToken(String token) {
        AccessToken found = token == null ? null : accessTokens.get(token);
        return found == null || !found.expiresAt().isAfter(clock.instant()) ? null : found;
    }

    /** Revokes the grant a refresh or access token belongs to; false when the token is unknown. */
    synchronized boolean revoke(String token) {
        RefreshToken refresh = refreshTokens.get(token);
        AccessToken access = accessTokens.get(token);
        GrantKey grant = refresh != null ? refresh.grant() : access != null ? access.grant() : null;
        if (grant == null) {
            return false;
        }
        revokeGrant(grant);
        return true;
    }

    /** The person removed the app's access in their Google account: every grant of theirs ends. */
    synchronized int revokeAll(String email) {
        String key = email.toLowerCase(Locale.ROOT);
        Set<GrantKey> grants = new LinkedHashSet<>();
        consents.keySet().stream().filter(g -> g.email().equals(key)).forEach(grants::add);
        refreshTokens.values().stream().map(RefreshToken::grant).filter(g -> g.email().equals(key)).forEach(grants::add);
        grants.forEach(this::revokeGrant);
        return grants.size();
    }

    private void revokeGrant(GrantKey grant) {
        consents.remove(grant);
        refreshTokens.values().removeIf(t -> t.grant().equals(grant));
        accessTokens.values().removeIf(t -> t.grant().equals(grant));
        codes.values().removeIf(c -> c.grant().equals(grant));
    }

    /**
     * What lasts across a restart of a local Google that keeps its state ({@link io.schedulr.testsupport.StateFile}): consents, refresh
     * tokens and live access tokens (services keep using theirs). Codes live 10 minutes and are not kept.
     */
    synchronized Map<String, Object> export() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("consents", consents.entrySet().stream().map(e -> grant(e.getKey(), Map.of("scopes", List.copyOf(e.getValue())))).toList());
        json.put("refreshTokens", refreshTokens.entrySet().stream().map(e -> grant(e.getValue().grant(), Map.of("token", e.getKey(),
                "email", e.getValue().email(), "scopes", List.copyOf(e.getValue().scopes())))).toList());
        Instant now = clock.instant();
        json.put("accessTokens", accessTokens.entrySet().stream().filter(e -> e.getValue().expiresAt().isAfter(now))
                .map(e -> grant(e.getValue().grant(), Map.of("token", e.getKey(), "email", e.getValue().email(),
                        "scopes", List.copyOf(e.getValue().scopes()), "expiresAt", e.getValue().expiresAt().toString()))).toList());
        return json;
    }

    synchronized void restore(Map<String, Object> saved) {
        for (Object entry : Json.list(saved.get("consents"))) {
            Map<String, Object> json = Json.object(entry);
            consents.put(grantOf(json), new LinkedHashSet<>(scopes(json)));
        }
        for (Object entry : Json.list(saved.get("refreshTokens"))) {
            Map<String, Object> json = Json.object(entry);
            refreshTokens.put(Json.string(json.get("token")), new RefreshToken(grantOf(json), Json.string(json.get("email")), scopes(json)));
        }
        for (Object entry : Json.list(saved.get("accessTokens"))) {
            Map<String, Object> json = Json.object(entry);
            accessTokens.put(Json.string(json.get("token")), new AccessToken(grantOf(json), Json.string(json.get("email")), scopes(json),
                    Instant.parse(Json.string(json.get("expiresAt")))));
        }
    }

    private static Map<String, Object> grant(GrantKey grant, Map<String, Object> rest) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("grantEmail", grant.email());
        json.put("clientId", grant.clientId());
        json.putAll(rest);
        return json;
    }

    private static GrantKey grantOf(Map<String, Object> json) {
        return new GrantKey(Json.string(json.get("grantEmail")), Json.string(json.get("clientId")));
    }

    private static Set<String> scopes(Map<String, Object> json) {
        return ordered(new LinkedHashSet<>(Json.list(json.get("scopes")).stream().map(String::valueOf).toList()));
    }

    private static Set<String> ordered(Set<String> scopes) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
    }

    private static String random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, length);
    }
}

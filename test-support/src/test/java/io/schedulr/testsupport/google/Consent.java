package io.schedulr.testsupport.google;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A browser visiting the consent URL, as a relying party would build it: PKCE S256, state, offline access. */
final class Consent {
    static final String REDIRECT_URI = "http://localhost:9/oauth/callback";
    static final String CALENDAR_SCOPES = "openid email profile https://www.googleapis.com/auth/calendar "
            + "https://www.googleapis.com/auth/calendar.readonly https://www.googleapis.com/auth/calendar.freebusy";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    final String verifier = random();
    final String state = random();
    private final Map<String, String> params = new LinkedHashMap<>();
    private String cookie;

    Consent(LocalGoogle google, String email) {
        params.put("client_id", google.client().id());
        params.put("redirect_uri", REDIRECT_URI);
        params.put("response_type", "code");
        params.put("scope", CALENDAR_SCOPES);
        params.put("state", state);
        params.put("access_type", "offline");
        params.put("prompt", "consent");
        params.put("include_granted_scopes", "true");
        params.put("login_hint", email);
        params.put("code_challenge", s256(verifier));
        params.put("code_challenge_method", "S256");
    }

    /** Another parameter, or null to leave one out. */
    Consent with(String name, String value) {
        if (value == null) {
            params.remove(name);
        } else {
            params.put(name, value);
        }
        return this;
    }

    /** From a browser that carries this cookie ({@code name=value}), as one signed in to Google does. */
    Consent withCookie(String nameAndValue) {
        this.cookie = nameAndValue;
        return this;
    }

    /** Follows the consent URL once; the answer is Google's redirect (or error page). */
    HttpResponse<String> visit(LocalGoogle google) throws IOException, InterruptedException {
        StringBuilder url = new StringBuilder(google.url()).append("/o/oauth2/v2/auth?");
        params.forEach((k, v) -> url.append(enc(k)).append('=').append(enc(v)).append('&'));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString()));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The query parameters of the redirect back to us. */
    Map<String, String> redirectParams(LocalGoogle google) throws IOException, InterruptedException {
        HttpResponse<String> response = visit(google);
        if (response.statusCode() != 302) {
            throw new AssertionError("expected a redirect, got " + response.statusCode() + ": " + response.body());
        }
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        query.put("_location", location.getScheme() + "://" + location.getAuthority() + location.getPath());
        return query;
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

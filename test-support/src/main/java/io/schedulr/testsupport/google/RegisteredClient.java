package io.schedulr.testsupport.google;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * The one OAuth client the local Google knows, as a Google Cloud console would register it.
 *
 * @param redirectUris the authorised redirect URIs; empty accepts any {@code http://localhost} or
 *                     {@code http://127.0.0.1} redirect (development)
 */
public record RegisteredClient(String id, String secret, List<String> redirectUris) {
    /** Development values for the local stack and tests; not secrets, and refused by nothing but this stand-in. */
    public static final String DEVELOPMENT_ID = "schedulr-local.apps.googleusercontent.com";
    public static final String DEVELOPMENT_SECRET = "local-google-development-only";

    public RegisteredClient {
        redirectUris = List.copyOf(redirectUris);
    }

    public static RegisteredClient development() {
        return new RegisteredClient(DEVELOPMENT_ID, DEVELOPMENT_SECRET, List.of());
    }

    /**
     * From system properties {@code schedulr.local-google.client-id}, {@code .client-secret}, {@code .redirect-uris}
     * or else the environment ({@code GOOGLE_CLIENT_ID}, {@code GOOGLE_CLIENT_SECRET}, {@code LOCAL_GOOGLE_REDIRECT_URIS},
     * comma separated), each falling back to the development value.
     */
    public static RegisteredClient fromEnvironment() {
        String uris = setting("schedulr.local-google.redirect-uris", "LOCAL_GOOGLE_REDIRECT_URIS", "");
        return new RegisteredClient(setting("schedulr.local-google.client-id", "GOOGLE_CLIENT_ID", DEVELOPMENT_ID),
                setting("schedulr.local-google.client-secret", "GOOGLE_CLIENT_SECRET", DEVELOPMENT_SECRET),
                Arrays.stream(uris.split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList());
    }

    boolean allowsRedirect(String uri) {
        if (uri == null) {
            return false;
        }
        if (!redirectUris.isEmpty()) {
            return redirectUris.contains(uri);
        }
        try {
            URI parsed = URI.create(uri);
            return "http".equals(parsed.getScheme())
                    && ("localhost".equals(parsed.getHost()) || "127.0.0.1".equals(parsed.getHost()))
                    && parsed.getFragment() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    boolean secretMatches(String given) {
        return given != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "RegisteredClient[id=" + id + ", redirectUris=" + redirectUris + "]";
    }

    private static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}

package io.schedulr.deploy;

import io.schedulr.testsupport.google.RegisteredClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the services need to talk to Google — here the local Google: our OAuth client (GOOGLE_CLIENT_ID/SECRET when
 * set, else the development pair the local Google also uses), its URLs, the callback on this stack's
 * calendar-sync-service and the keys that seal refresh tokens (SCHEDULR_GOOGLE_TOKEN_KEYS when set, else one made
 * once and kept in the state folder, so tokens stored earlier still open after a restart), and the service key with which
 * scheduling-service asks calendar-sync-service about other people's free/busy (SCHEDULR_CALENDAR_SYNC_SERVICE_KEY when
 * set, else a new one for each run of the stack: both services start with it).
 */
record GoogleSettings(RegisteredClient client, String issuerUrl, String calendarSyncUrl, String webUrl, String tokenKeys, String serviceKey) {
    static final String KEYS_FILE = "google-token-keys";

    /** @param webUrl the web app (scheduling-service's root), where Google sends a signing-in browser back */
    static GoogleSettings of(String issuerUrl, String calendarSyncUrl, String webUrl, Path stateDir) throws StackException {
        String keys = System.getenv("SCHEDULR_GOOGLE_TOKEN_KEYS");
        if (keys == null || keys.isBlank()) {
            keys = keptKeys(stateDir.resolve(KEYS_FILE));
        }
        String serviceKey = System.getenv("SCHEDULR_CALENDAR_SYNC_SERVICE_KEY");
        if (serviceKey == null || serviceKey.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            serviceKey = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        return new GoogleSettings(RegisteredClient.fromEnvironment(), issuerUrl, calendarSyncUrl, webUrl, keys, serviceKey);
    }

    String connectUrl() {
        return calendarSyncUrl + "/api/auth/google/start";
    }

    /** Variables for every service (the token audience is our client id) and, for calendar-sync-service, the rest. */
    Map<String, String> environment(boolean calendarSync) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GOOGLE_CLIENT_ID", client.id());
        // Said outright, so a build from before the audience followed GOOGLE_CLIENT_ID (bench/compare) agrees too.
        env.put("QUARKUS_OIDC_TOKEN_AUDIENCE", client.id());
        env.put("SCHEDULR_CALENDAR_CONNECT_URL", connectUrl());
        env.put("QUARKUS_REST_CLIENT_CALENDAR_SYNC_URL", calendarSyncUrl);
        // The web app (served by scheduling-service) calls calendar-sync-service from the browser for sign-in and the connection.
        env.put("SCHEDULR_WEB_CALENDAR_SYNC_URL", calendarSyncUrl);
        env.put("SCHEDULR_WEB_URL", webUrl);
        env.put("QUARKUS_HTTP_CORS_ORIGINS", webUrl.replaceAll("/$", ""));
        if (calendarSync) {
            env.put("SCHEDULR_SERVICE_KEYS", serviceKey);
            env.put("GOOGLE_CLIENT_SECRET", client.secret());
            env.put("SCHEDULR_GOOGLE_REDIRECT_URI", calendarSyncUrl + "/api/auth/google/callback");
            env.put("SCHEDULR_GOOGLE_AUTHORIZATION_URL", issuerUrl + "/o/oauth2/v2/auth");
            env.put("SCHEDULR_GOOGLE_TOKEN_URL", issuerUrl + "/token");
            env.put("SCHEDULR_GOOGLE_REVOKE_URL", issuerUrl + "/revoke");
            env.put("SCHEDULR_GOOGLE_CALENDAR_ROOT_URL", issuerUrl + "/");
            env.put("SCHEDULR_GOOGLE_TOKEN_KEYS", tokenKeys);
            // Where the local Google posts push notifications for changes made in it.
            env.put("SCHEDULR_SYNC_WEBHOOK_URL", calendarSyncUrl + "/api/google/webhook");
        }
        return env;
    }

    /** For scheduling-service: the key it asks calendar-sync-service about other people's free/busy with. */
    Map<String, String> schedulingEnvironment() {
        return Map.of("SCHEDULR_CALENDAR_SYNC_SERVICE_KEY", serviceKey);
    }

    private static String keptKeys(Path file) throws StackException {
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String keys = "local-1:" + Base64.getEncoder().encodeToString(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, keys + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return keys;
        } catch (IOException e) {
            throw new StackException("cannot keep the token keys in " + file + ": " + e.getMessage(), e);
        }
    }
}

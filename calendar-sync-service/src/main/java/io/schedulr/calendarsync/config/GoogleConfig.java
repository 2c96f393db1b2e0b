package io.schedulr.calendarsync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How this service reaches Google (or the local Google): {@code schedulr.google.*}, each overridable from the
 * environment ({@code SCHEDULR_GOOGLE_TOKEN_URL}, …). Production values are in docs/operations.md.
 */
@ConfigMapping(prefix = "schedulr.google")
public interface GoogleConfig {
    /** Our OAuth client (GOOGLE_CLIENT_ID). */
    String clientId();

    /** Its secret (GOOGLE_CLIENT_SECRET); never logged. */
    String clientSecret();

    /** Where Google sends the person back: this service's {@code /api/auth/google/callback}, registered at Google. */
    String redirectUri();

    /** Google's consent page ({@code https://accounts.google.com/o/oauth2/v2/auth}). */
    String authorizationUrl();

    /** Google's token endpoint ({@code https://oauth2.googleapis.com/token}). */
    String tokenUrl();

    /** Google's revocation endpoint ({@code https://oauth2.googleapis.com/revoke}). */
    String revokeUrl();

    /** Root of the Calendar API ({@code https://www.googleapis.com/}). */
    String calendarRootUrl();

    /**
     * Keys sealing refresh tokens: {@code id:base64-of-32-bytes}, comma separated. The first seals; all open, so a key
     * can rotate (add the new one first, keep the old until every token was sealed again). From a Secret
     * (SCHEDULR_GOOGLE_TOKEN_KEYS); never in the repository.
     */
    String tokenKeys();

    /** How long a consent URL stays usable. */
    @WithDefault("PT10M")
    Duration stateLifetime();

    /** How often each connected person's grant is refreshed to find revocations. */
    @WithDefault("PT1H")
    Duration verifyInterval();

    /** How long a request to Google may take to connect (SCHEDULR_GOOGLE_CONNECT_TIMEOUT). */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /**
     * How long a request to Google may wait for the next bytes of its answer (SCHEDULR_GOOGLE_READ_TIMEOUT). Calendar API
     * answers take well under a second; a call given up on is tried again, and a background job meanwhile holds its
     * room's row, so this is short.
     */
    @WithDefault("PT10S")
    Duration readTimeout();

    /** Name of each person's dedicated secondary calendar. */
    @WithDefault("Schedulr Meetings")
    String calendarName();
}

package io.schedulr.calcom.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

/**
 * How this service uses Cal.com's API v2: {@code calcom.*}, each settable from the environment. The base URL is
 * {@code quarkus.rest-client.calcom.url} (QUARKUS_REST_CLIENT_CALCOM_URL): {@code https://api.cal.com} in production,
 * the local Cal.com of the local stack by default.
 */
@ConfigMapping(prefix = "calcom")
public interface CalcomApiConfig {
    /**
     * The API key ({@code cal_live_…}), from a Secret as CALCOM_API_KEY; no default anywhere in the repository. Without it
     * the service still starts (webhooks keep working), the Cal.com health check says so and the API answers 503.
     */
    @WithName("api-key")
    Optional<String> apiKey();

    /** The Cal.com team whose event types are offered (CALCOM_TEAM_ID); without it only the key owner's own ones. */
    @WithName("team-id")
    Optional<Long> teamId();

    RateLimit rateLimit();

    /**
     * The reason Cal.com is given for a cancellation asked without one (CALCOM_DEFAULT_CANCELLATION_REASON): Cal.com refuses
     * to cancel a booking whose host is the key's owner without a reason, and shows it to the attendee.
     */
    @WithDefault("Cancelled in schedulr")
    String defaultCancellationReason();

    /** How long a health check's {@code GET /v2/me} answer is reused (a probe every few seconds must not eat the rate limit). */
    @WithDefault("PT30S")
    Duration healthFreshFor();

    /**
     * How long the list of event types, and an event type read by id, are reused before Cal.com is asked again: every
     * interview step asks for them, and the key's 120 requests a minute are the whole platform's. {@code PT0S}: always ask.
     */
    @WithDefault("PT1M")
    Duration eventTypesFreshFor();

    interface RateLimit {
        /**
         * Cal.com blocks a key for 60 s after 120 requests a minute and sends no Retry-After: after a 429 no request is sent
         * for this long (or until X-RateLimit-Reset-Default, if sooner), plus jitter.
         */
        @WithDefault("PT60S")
        Duration window();

        /** How many times a request refused with 429 is sent again after waiting; then our caller gets calcom_rate_limited. */
        @WithDefault("1")
        int retries();
    }
}

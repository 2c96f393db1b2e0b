package io.schedulr.calendarsync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The caller's free/busy ({@code GET /api/calendar/free-busy}): {@code schedulr.free-busy.*}
 * (SCHEDULR_FREE_BUSY_CACHE_TTL, SCHEDULR_FREE_BUSY_GOOGLE_BUDGET).
 */
@ConfigMapping(prefix = "schedulr.free-busy")
public interface FreeBusyConfig {
    /** How long an answer is kept per person and range (a push about their calendar ends it sooner); 0 keeps none. */
    @WithDefault("PT60S")
    Duration cacheTtl();

    /** The most time one question may spend at Google, retry included (a booking waits on it); then 503 google_unavailable. */
    @WithDefault("PT2S")
    Duration googleBudget();
}

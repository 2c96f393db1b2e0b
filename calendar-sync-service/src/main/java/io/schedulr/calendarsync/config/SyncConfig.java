package io.schedulr.calendarsync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Google → app: push channels and syncs ({@code schedulr.sync.*}, e.g. SCHEDULR_SYNC_RENEW_AHEAD). Where Google posts
 * is {@code schedulr.sync.webhook-url} (SCHEDULR_SYNC_WEBHOOK_URL), read each time a channel opens.
 */
@ConfigMapping(prefix = "schedulr.sync")
public interface SyncConfig {
    /** Our {@code /api/google/webhook} as Google reaches it (HTTPS in production). */
    String webhookUrl();

    /** The lifetime asked of Google for each channel; Google's default (about a week) when absent. */
    Optional<Duration> channelTtl();

    /** A channel is renewed when it would end within this. */
    @WithDefault("P1D")
    Duration renewAhead();

    /** Every calendar is synced at least this often, pushes or not (they are "not 100 % reliable"). */
    @WithDefault("PT15M")
    Duration backstopInterval();

    @WithDefault("PT2S")
    Duration firstBackoff();

    @WithDefault("PT10M")
    Duration maxBackoff();
}

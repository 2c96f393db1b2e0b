package io.schedulr.calcom.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** {@code calcom.webhook.*}: how Cal.com's webhooks are verified and ordered. */
@ConfigMapping(prefix = "calcom.webhook")
public interface CalcomWebhookConfig {
    /** The accepted secrets, comma-separated ({@code CALCOM_WEBHOOK_SECRET}); none means every delivery is refused (503). */
    Optional<String> secrets();

    /** How long a change that arrived before its predecessor waits for it before it is announced anyway. */
    @WithDefault("PT1M")
    Duration reorderWindow();

    /** How often held changes are checked against the reorder window (a scheduler interval, e.g. {@code 10s}). */
    @WithDefault("10s")
    String releaseEvery();
}

package io.schedulr.calendarsync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How room changes that Google could not take are tried again: {@code schedulr.mirror.*} (SCHEDULR_MIRROR_FIRST_BACKOFF, …). */
@ConfigMapping(prefix = "schedulr.mirror")
public interface MirrorConfig {
    /** Wait before the first retry; each further one doubles it (with jitter). */
    @WithDefault("PT2S")
    Duration firstBackoff();

    /** The longest wait between two tries. */
    @WithDefault("PT10M")
    Duration maxBackoff();
}

package io.schedulr.calendarsync.application;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter for work Google could not take now. */
final class Backoff {
    private Backoff() {
    }

    /** {@code first × 2^(attempts-1)}, capped, then a random half of it added or taken away so retries spread out. */
    static Duration of(Duration first, Duration max, int attempts) {
        long base = first.toMillis() << Math.min(Math.max(attempts, 1) - 1, 20);
        long capped = Math.min(base, max.toMillis());
        long jitter = ThreadLocalRandom.current().nextLong(-capped / 2, capped / 2 + 1);
        return Duration.ofMillis(Math.max(1, capped + jitter));
    }
}

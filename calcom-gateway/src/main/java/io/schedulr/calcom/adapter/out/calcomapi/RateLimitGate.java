package io.schedulr.calcom.adapter.out.calcomapi;

import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Cal.com's rate limit is per key, so one 429 means every request of this service would be refused until the block
 * ends: after a 429 all requests wait until then (without holding a thread) instead of each spending a refusal.
 */
final class RateLimitGate {
    private final Clock clock;
    private final AtomicReference<Instant> blockedUntil = new AtomicReference<>(Instant.MIN);

    RateLimitGate(Clock clock) {
        this.clock = clock;
    }

    /** Completes at once, or when the current block ends. */
    Uni<Void> pause() {
        Duration wait = remaining();
        if (wait.isZero()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(wait);
    }

    Duration remaining() {
        Instant until = blockedUntil.get();
        if (until.equals(Instant.MIN)) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(clock.instant(), until);
        return wait.toMillis() < 1 ? Duration.ZERO : wait;
    }

    /**
     * Blocks for Cal.com's window, or until its {@code X-RateLimit-Reset-Default} if that is sooner, plus up to a tenth of
     * the window (at most 5 s) of jitter so waiting requests do not all come back in the same millisecond.
     */
    Duration block(Duration window, Long resetSeconds) {
        Duration wait = resetSeconds != null && resetSeconds > 0 && Duration.ofSeconds(resetSeconds).compareTo(window) < 0
                ? Duration.ofSeconds(resetSeconds) : window;
        long jitterBound = Math.max(1, Math.min(window.toMillis() / 10, 5_000));
        wait = wait.plusMillis(ThreadLocalRandom.current().nextLong(jitterBound));
        Instant until = clock.instant().plus(wait);
        blockedUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
        return wait;
    }
}

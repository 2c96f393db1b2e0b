package io.schedulr.testsupport.calcom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Cal.com's default throttler: a fixed number of requests per window per tracker (the API key, or the caller's address
 * without one); past it every request is refused until a block as long as the window ends. Each answer carries
 * {@code X-RateLimit-Limit-Default}, {@code X-RateLimit-Remaining-Default} and {@code X-RateLimit-Reset-Default}
 * (seconds until the window or block ends); a refusal carries no {@code Retry-After}.
 */
final class RateLimiter {
    record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {
    }

    private static final class Window {
        Instant start;
        int count;
        Instant blockedUntil;
    }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new HashMap<>();

    RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    synchronized Decision hit(String tracker) {
        Instant now = clock.instant();
        Window w = windows.computeIfAbsent(tracker, k -> new Window());
        if (w.blockedUntil != null && now.isBefore(w.blockedUntil)) {
            return new Decision(false, limit, 0, seconds(now, w.blockedUntil));
        }
        if (w.blockedUntil != null || w.start == null || !now.isBefore(w.start.plus(window))) {
            w.start = now;
            w.count = 0;
            w.blockedUntil = null;
        }
        w.count++;
        if (w.count > limit) {
            w.blockedUntil = now.plus(window);
            return new Decision(false, limit, 0, seconds(now, w.blockedUntil));
        }
        return new Decision(true, limit, limit - w.count, seconds(now, w.start.plus(window)));
    }

    int limit() {
        return limit;
    }

    Duration window() {
        return window;
    }

    synchronized void reset() {
        windows.clear();
    }

    private static long seconds(Instant now, Instant until) {
        return Math.max(0, (Duration.between(now, until).toMillis() + 999) / 1000);
    }
}

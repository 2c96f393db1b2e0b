package io.schedulr.notification.domain;

import java.time.Duration;

/** When a parked delivery is tried again: exponential backoff from {@code initial}, capped at {@code max}. */
public record RedeliveryPolicy(Duration initial, Duration max) {
    public RedeliveryPolicy {
        if (initial == null || max == null || initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("redelivery needs 0 < initial <= max");
        }
    }

    /** Delay before the next try after {@code failedAttempts} failed attempts (1 = the first failure). */
    public Duration delayAfter(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 || delay.isNegative() ? max : delay;
    }
}

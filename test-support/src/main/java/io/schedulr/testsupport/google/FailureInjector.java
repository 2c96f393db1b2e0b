package io.schedulr.testsupport.google;

/**
 * The control API's {@code fail} knob: the next N Calendar API calls answer with a quota or backend error
 * ({@code count}), or every Nth call does until cleared ({@code every}; {@code count: 0} clears both).
 */
final class FailureInjector {
    private int remaining;
    private int every;
    private long calls;
    private int status;
    private long served;
    private long injected;

    synchronized void failNext(int count, int status) {
        check(status);
        this.remaining = Math.max(0, count);
        this.every = 0;
        this.calls = 0;
        this.status = status;
    }

    /** From now on every {@code every}th Calendar API call (the every-th, 2·every-th, …) fails, until {@link #failNext} resets it. */
    synchronized void failEvery(int every, int status) {
        check(status);
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1");
        }
        this.remaining = 0;
        this.every = every;
        this.calls = 0;
        this.status = status;
    }

    private static void check(int status) {
        if (status != 429 && status != 403 && status != 500) {
            throw new IllegalArgumentException("status must be 429, 403 or 500");
        }
    }

    /** The error this call must get, or null to serve it. */
    synchronized GoogleError next() {
        served++;
        if (remaining > 0) {
            remaining--;
            injected++;
            return error();
        }
        if (every > 0 && ++calls % every == 0) {
            injected++;
            return error();
        }
        return null;
    }

    /** The current setting and, since the start, how many Calendar API calls came in and how many got an injected error. */
    synchronized java.util.Map<String, Object> state() {
        java.util.Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("count", remaining);
        state.put("every", every);
        state.put("status", status);
        state.put("calls", served);
        state.put("injected", injected);
        return state;
    }

    private GoogleError error() {
        return switch (status) {
            case 429 -> GoogleError.rateLimitExceeded();
            case 403 -> GoogleError.userRateLimitExceeded();
            default -> GoogleError.backendError("Backend Error");
        };
    }
}

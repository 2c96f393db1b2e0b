package io.schedulr.testsupport.google;

/** The control API's {@code fail} knob: the next N Calendar API calls answer with a quota or backend error. */
final class FailureInjector {
    private int remaining;
    private int status;

    synchronized void failNext(int count, int status) {
        if (status != 429 && status != 403 && status != 500) {
            throw new IllegalArgumentException("status must be 429, 403 or 500");
        }
        this.remaining = Math.max(0, count);
        this.status = status;
    }

    /** The error this call must get, or null to serve it. */
    synchronized GoogleError next() {
        if (remaining == 0) {
            return null;
        }
        remaining--;
        return switch (status) {
            case 429 -> GoogleError.rateLimitExceeded();
            case 403 -> GoogleError.userRateLimitExceeded();
            default -> GoogleError.backendError("Backend Error");
        };
    }
}

package io.schedulr.testsupport.calcom;

/**
 * The control API's {@code fail} knob: the next N API v2 calls answer with an error status in Cal.com's envelope (a
 * server error, or the throttler's 429), or lose their answer on the way back (the connection is closed).
 */
final class FailureInjector {
    /** What one call gets instead of its normal answer: an error, or its answer dropped. */
    record Fault(CalcomError error, boolean drop) {
    }

    private int remaining;
    private int status;
    private boolean drop;

    /**
     * @param status 500, 502, 503 or 429; ignored when {@code drop}
     * @param drop   the call is carried out, then the connection is closed without an answer
     */
    synchronized void failNext(int count, int status, boolean drop) {
        if (count < 0) {
            throw CalcomError.badRequest("count must not be negative");
        }
        if (!drop && status != 429 && status != 500 && status != 502 && status != 503) {
            throw CalcomError.badRequest("status must be 429, 500, 502 or 503 (or \"mode\": \"drop\")");
        }
        this.remaining = count;
        this.status = status;
        this.drop = drop;
    }

    /** What this call must get instead of its answer, or null to serve it. */
    synchronized Fault next() {
        if (remaining == 0) {
            return null;
        }
        remaining--;
        if (drop) {
            return new Fault(null, true);
        }
        return new Fault(switch (status) {
            case 429 -> CalcomError.throttled();
            case 502 -> CalcomError.badGateway();
            case 503 -> CalcomError.serviceUnavailable();
            default -> CalcomError.internalServerError();
        }, false);
    }
}

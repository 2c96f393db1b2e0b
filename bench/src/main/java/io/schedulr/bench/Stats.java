package io.schedulr.bench;

import java.util.Arrays;

/** Latencies of one measured run, in nanoseconds, and the wall time the run took. */
final class Stats {
    private final long[] nanos;
    private final long wallNanos;

    Stats(long[] nanos, long wallNanos) {
        this.nanos = nanos.clone();
        Arrays.sort(this.nanos);
        this.wallNanos = wallNanos;
    }

    int count() {
        return nanos.length;
    }

    double perSecond() {
        return nanos.length / (wallNanos / 1e9);
    }

    double p50Ms() {
        return percentileMs(50);
    }

    double p99Ms() {
        return percentileMs(99);
    }

    double maxMs() {
        return nanos.length == 0 ? Double.NaN : nanos[nanos.length - 1] / 1e6;
    }

    /** Nearest-rank percentile. */
    double percentileMs(double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * nanos.length);
        return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))] / 1e6;
    }

    /** Percentile of plain millisecond values (for the booking-to-inbox figures). */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}

package io.schedulr.kit.metrics;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Figures an operator watches on {@code /q/metrics} that one read of the database gives (a queue's length, the age of
 * its oldest entry), for gauges to report: a timer reads them every {@code every}, so a scrape never touches the
 * database, and a read still running when the timer fires again is not doubled. Each figure is NaN until the first read
 * and while the read fails; the first failure is logged, and so is the first read that works again.
 */
public final class PolledFigures {
    private static final Logger LOG = Logger.getLogger(PolledFigures.class);

    private final String what;
    private final Supplier<Uni<Map<String, Double>>> read;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile Map<String, Double> last = Map.of();
    private volatile boolean failing;
    private long timer = -1;

    /**
     * @param what what is read, for the log ("the outbox")
     * @param read one read, giving each figure by name (non-blocking, e.g. one query on the reactive pool)
     */
    public PolledFigures(String what, Supplier<Uni<Map<String, Double>>> read) {
        this.what = what;
        this.read = read;
    }

    /** The last read's figure, or NaN. */
    public double get(String name) {
        Double value = last.get(name);
        return value == null ? Double.NaN : value;
    }

    /** Reads now and then every {@code every}. */
    public void start(Vertx vertx, Duration every) {
        timer = vertx.setPeriodic(every.toMillis(), id -> refresh());
        refresh();
    }

    public void stop(Vertx vertx) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    void refresh() {
        if (!reading.compareAndSet(false, true)) {
            return;
        }
        Uni<Map<String, Double>> next;
        try {
            next = read.get();
        } catch (RuntimeException e) {
            next = Uni.createFrom().failure(e);
        }
        // Copied inside the pipeline: a figure the read gives as null fails this read, rather than the callback (which
        // would leave the read marked running, and the gauges stuck, for good).
        next.map(Map::copyOf).subscribe().with(figures -> {
            last = figures;
            if (failing) {
                LOG.infof("gauges read %s again", what);
            }
            failing = false;
            reading.set(false);
        }, failure -> {
            last = Map.of();
            if (!failing) {
                LOG.warnf("gauges could not read %s (NaN until they can): %s", what, failure.toString());
            }
            failing = true;
            reading.set(false);
        });
    }
}

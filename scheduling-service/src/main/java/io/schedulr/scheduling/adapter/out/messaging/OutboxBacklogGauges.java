package io.schedulr.scheduling.adapter.out.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.schedulr.scheduling.config.SchedulingConfig;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The outbox as an operator watches it ({@code /q/metrics}, docs/operations.md "Metrics"):
 * <ul>
 * <li>{@code schedulr_outbox_backlog}: rows waiting for the relay (not published, not set aside);</li>
 * <li>{@code schedulr_outbox_oldest_age_seconds}: how long the oldest of them has waited (0 when none wait).</li>
 * </ul>
 * A scrape never touches the database: a timer reads the table every {@code scheduling.outbox.metrics-refresh} with one
 * query on the reactive pool (non-blocking; the partial index {@code outbox_unpublished} serves the waiting rows), and the
 * gauges report the last figures. Every replica reports the same table, whether its relay runs or not. Until the first
 * read, and while the database cannot be read, the gauges are NaN.
 */
@ApplicationScoped
public class OutboxBacklogGauges {
    private static final Logger LOG = Logger.getLogger(OutboxBacklogGauges.class);
    private static final String FIGURES = "SELECT "
            + "(SELECT count(*) FROM outbox WHERE published_at IS NULL AND set_aside_at IS NULL) AS backlog, "
            + "(SELECT extract(epoch FROM clock_timestamp() - created_at)::float8 FROM outbox "
            + "WHERE published_at IS NULL AND set_aside_at IS NULL ORDER BY id LIMIT 1) AS oldest_age";

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    MeterRegistry registry;
    @Inject
    SchedulingConfig config;

    private volatile double backlog = Double.NaN;
    private volatile double oldestAge = Double.NaN;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile boolean failing;
    private long timer = -1;

    void start(@Observes StartupEvent event) {
        Gauge.builder("schedulr.outbox.backlog", this, g -> g.backlog)
                .description("Outbox rows not yet published to Kafka (set-aside rows excluded)").register(registry);
        Gauge.builder("schedulr.outbox.oldest.age", this, g -> g.oldestAge).baseUnit("seconds")
                .description("Age of the oldest outbox row not yet published (0 when none waits)").register(registry);
        timer = vertx.setPeriodic(config.outbox().metricsRefresh().toMillis(), id -> refresh());
        refresh();
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void refresh() {
        if (!reading.compareAndSet(false, true)) {
            return;
        }
        pool.query(FIGURES).execute().subscribe().with(rows -> {
            Row row = rows.iterator().next();
            backlog = row.getLong("backlog");
            Double age = row.getDouble("oldest_age");
            oldestAge = age == null ? 0 : age;
            if (failing) {
                LOG.info("outbox gauges read the outbox again");
            }
            failing = false;
            reading.set(false);
        }, failure -> {
            backlog = Double.NaN;
            oldestAge = Double.NaN;
            if (!failing) {
                LOG.warnf("outbox gauges could not read the outbox (NaN until they can): %s", failure.toString());
            }
            failing = true;
            reading.set(false);
        });
    }
}

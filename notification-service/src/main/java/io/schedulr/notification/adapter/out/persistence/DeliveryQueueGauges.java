package io.schedulr.notification.adapter.out.persistence;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.schedulr.notification.config.NotificationConfig;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The delivery queue as an operator watches it ({@code /q/metrics}, docs/operations.md "Metrics"):
 * <ul>
 * <li>{@code schedulr_deliveries_waiting{status="pending"}}: mails waiting for their first attempt (or given back while
 * the mail server could not be reached);</li>
 * <li>{@code schedulr_deliveries_waiting{status="parked"}}: mails the server refused at least once, waiting for their
 * next attempt;</li>
 * <li>{@code schedulr_deliveries_oldest_pending_age_seconds}: how long the oldest pending mail has waited — the mail
 * delivery lag (0 when none waits).</li>
 * </ul>
 * A scrape never touches the database: a timer reads the table every {@code notification.dispatch.metrics-refresh} with
 * one query on the reactive pool (non-blocking; the partial index {@code delivery_due} holds exactly the waiting rows),
 * and the gauges report the last figures; NaN until the first read and while the database cannot be read.
 */
@ApplicationScoped
public class DeliveryQueueGauges {
    private static final Logger LOG = Logger.getLogger(DeliveryQueueGauges.class);
    private static final String FIGURES = "SELECT "
            + "count(*) FILTER (WHERE status = 'PENDING') AS pending, "
            + "count(*) FILTER (WHERE status = 'PARKED') AS parked, "
            + "coalesce(extract(epoch FROM clock_timestamp() - min(created_at) FILTER (WHERE status = 'PENDING'))::float8, 0) AS oldest_pending "
            + "FROM delivery WHERE status IN ('PENDING', 'PARKED')";

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    MeterRegistry registry;
    @Inject
    NotificationConfig config;

    private volatile double pending = Double.NaN;
    private volatile double parked = Double.NaN;
    private volatile double oldestPending = Double.NaN;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile boolean failing;
    private long timer = -1;

    void start(@Observes StartupEvent event) {
        String description = "Mails waiting to be sent: pending (no attempt yet) or parked (refused, waiting for the next attempt)";
        Gauge.builder("schedulr.deliveries.waiting", this, g -> g.pending).tag("status", "pending").description(description)
                .register(registry);
        Gauge.builder("schedulr.deliveries.waiting", this, g -> g.parked).tag("status", "parked").description(description)
                .register(registry);
        Gauge.builder("schedulr.deliveries.oldest.pending.age", this, g -> g.oldestPending).baseUnit("seconds")
                .description("Age of the oldest mail waiting for its first attempt: the mail delivery lag (0 when none waits)")
                .register(registry);
        timer = vertx.setPeriodic(config.dispatch().metricsRefresh().toMillis(), id -> refresh());
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
            pending = row.getLong("pending");
            parked = row.getLong("parked");
            oldestPending = row.getDouble("oldest_pending");
            if (failing) {
                LOG.info("delivery gauges read the delivery table again");
            }
            failing = false;
            reading.set(false);
        }, failure -> {
            pending = Double.NaN;
            parked = Double.NaN;
            oldestPending = Double.NaN;
            if (!failing) {
                LOG.warnf("delivery gauges could not read the delivery table (NaN until they can): %s", failure.toString());
            }
            failing = true;
            reading.set(false);
        });
    }
}

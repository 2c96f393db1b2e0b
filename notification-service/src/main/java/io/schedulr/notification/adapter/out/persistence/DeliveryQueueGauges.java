package io.schedulr.notification.adapter.out.persistence;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.schedulr.kit.metrics.PolledFigures;
import io.schedulr.notification.config.NotificationConfig;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;

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
    private static final String FIGURES = "SELECT "
            + "count(*) FILTER (WHERE status = 'PENDING')::float8 AS pending, "
            + "count(*) FILTER (WHERE status = 'PARKED')::float8 AS parked, "
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

    private final PolledFigures figures = new PolledFigures("the delivery table", () -> pool.query(FIGURES).execute().map(rows -> {
        Row row = rows.iterator().next();
        return Map.of("pending", row.getDouble("pending"), "parked", row.getDouble("parked"),
                "oldest_pending", row.getDouble("oldest_pending"));
    }));

    void start(@Observes StartupEvent event) {
        String description = "Mails waiting to be sent: pending (no attempt yet) or parked (refused, waiting for the next attempt)";
        Gauge.builder("schedulr.deliveries.waiting", figures, f -> f.get("pending")).tag("status", "pending").description(description)
                .register(registry);
        Gauge.builder("schedulr.deliveries.waiting", figures, f -> f.get("parked")).tag("status", "parked").description(description)
                .register(registry);
        Gauge.builder("schedulr.deliveries.oldest.pending.age", figures, f -> f.get("oldest_pending")).baseUnit("seconds")
                .description("Age of the oldest mail waiting for its first attempt: the mail delivery lag (0 when none waits)")
                .register(registry);
        figures.start(vertx, config.dispatch().metricsRefresh());
    }

    void stop(@Observes ShutdownEvent event) {
        figures.stop(vertx);
    }
}

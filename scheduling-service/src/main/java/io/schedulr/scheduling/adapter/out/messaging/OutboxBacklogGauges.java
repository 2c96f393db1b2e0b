package io.schedulr.scheduling.adapter.out.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.schedulr.kit.metrics.PolledFigures;
import io.schedulr.scheduling.config.SchedulingConfig;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;

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
    private static final String FIGURES = "SELECT "
            + "(SELECT count(*) FROM outbox WHERE published_at IS NULL AND set_aside_at IS NULL)::float8 AS backlog, "
            + "coalesce((SELECT extract(epoch FROM clock_timestamp() - created_at)::float8 FROM outbox "
            + "WHERE published_at IS NULL AND set_aside_at IS NULL ORDER BY id LIMIT 1), 0) AS oldest_age";

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    MeterRegistry registry;
    @Inject
    SchedulingConfig config;

    private final PolledFigures figures = new PolledFigures("the outbox", () -> pool.query(FIGURES).execute().map(rows -> {
        Row row = rows.iterator().next();
        return Map.of("backlog", row.getDouble("backlog"), "oldest_age", row.getDouble("oldest_age"));
    }));

    void start(@Observes StartupEvent event) {
        Gauge.builder("schedulr.outbox.backlog", figures, f -> f.get("backlog"))
                .description("Outbox rows not yet published to Kafka (set-aside rows excluded)").register(registry);
        Gauge.builder("schedulr.outbox.oldest.age", figures, f -> f.get("oldest_age")).baseUnit("seconds")
                .description("Age of the oldest outbox row not yet published (0 when none waits)").register(registry);
        figures.start(vertx, config.outbox().metricsRefresh());
    }

    void stop(@Observes ShutdownEvent event) {
        figures.stop(vertx);
    }
}

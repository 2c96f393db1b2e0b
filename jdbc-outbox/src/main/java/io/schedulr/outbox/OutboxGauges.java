package io.schedulr.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The outbox as an operator watches it, as scheduling-service reports its own ({@code /q/metrics}, docs/operations.md
 * "Metrics"): {@code schedulr_outbox_backlog} (rows waiting for Kafka, not set aside) and {@code schedulr_outbox_oldest_age_seconds}
 * (how long the oldest of them has waited; 0 when none waits). A timer reads the table every
 * {@code schedulr.outbox.metrics-refresh}, a scrape never does; NaN while the database cannot be read.
 */
@ApplicationScoped
public class OutboxGauges {
    private static final Logger LOG = Logger.getLogger(OutboxGauges.class);
    private static final String FIGURES = "SELECT count(*), extract(epoch FROM clock_timestamp() - min(created_at))::float8 "
            + "FROM outbox WHERE published_at IS NULL AND set_aside_at IS NULL";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "schedulr.outbox.metrics-refresh", defaultValue = "PT10S")
    Duration refresh;

    private volatile double backlog = Double.NaN;
    private volatile double oldestAge = Double.NaN;
    private volatile boolean failing;
    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent event) {
        Gauge.builder("schedulr.outbox.backlog", this, g -> g.backlog)
                .description("Outbox rows not yet published to Kafka").register(registry);
        Gauge.builder("schedulr.outbox.oldest.age", this, g -> g.oldestAge).baseUnit("seconds")
                .description("Age of the oldest outbox row not yet published (0 when none waits)").register(registry);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-gauges");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::read, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void read() {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(FIGURES);
             ResultSet rs = query.executeQuery()) {
            rs.next();
            double age = rs.getDouble(2);
            oldestAge = rs.wasNull() ? 0 : age;
            backlog = rs.getLong(1);
            if (failing) {
                LOG.info("outbox gauges read the outbox again");
            }
            failing = false;
        } catch (Exception e) {
            backlog = Double.NaN;
            oldestAge = Double.NaN;
            if (!failing) {
                LOG.warnf("outbox gauges could not read the outbox (NaN until they can): %s", e.toString());
            }
            failing = true;
        }
    }
}

package io.schedulr.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes outbox rows published more than {@code schedulr.outbox.keep-published} ago (7 days), every
 * {@code schedulr.outbox.cleanup-every} (an hour), a thousand at a time: once Kafka has a record, its row is never read
 * again, and without this the table would grow by one row per event for ever. Rows set aside (never published) stay for
 * operators. Every replica may run it; two deleting the same rows at once do no harm.
 */
@ApplicationScoped
public class PublishedOutboxCleanup {
    private static final Logger LOG = Logger.getLogger(PublishedOutboxCleanup.class);
    static final int BATCH = 1000;
    /** A round stops after this many batches, so that a first run over a large backlog never holds its thread for long. */
    private static final int MAX_BATCHES = 100;

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "schedulr.outbox.keep-published", defaultValue = "P7D")
    Duration keepPublished;
    @ConfigProperty(name = "schedulr.outbox.cleanup-every", defaultValue = "PT1H")
    Duration cleanupEvery;

    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService thread;

    void start(@Observes StartupEvent event) {
        if (keepPublished.isNegative() || cleanupEvery.isNegative() || cleanupEvery.isZero()) {
            throw new IllegalArgumentException("schedulr.outbox.keep-published must not be negative and schedulr.outbox.cleanup-every "
                    + "must be positive; they are " + keepPublished + " and " + cleanupEvery);
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-cleanup");
            t.setDaemon(true);
            return t;
        });
        long first = Math.min(cleanupEvery.toMillis(), Duration.ofMinutes(1).toMillis());
        thread.scheduleWithFixedDelay(this::round, first, cleanupEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    private void round() {
        try {
            int deleted = deletePublishedBefore(clock.instant().minus(keepPublished));
            if (deleted > 0) {
                LOG.infof("deleted %d outbox rows published more than %s ago", deleted, keepPublished);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("could not delete old published outbox rows, the next round tries again: %s", e.toString());
        }
    }

    /** Deletes rows published before {@code cutoff}, a batch at a time (each its own statement); returns how many. */
    public int deletePublishedBefore(Instant cutoff) throws SQLException {
        int total = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM outbox WHERE id IN (SELECT id FROM outbox "
                     + "WHERE published_at < ? ORDER BY id LIMIT " + BATCH + ")")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                int deleted = delete.executeUpdate();
                total += deleted;
                if (deleted < BATCH) {
                    break;
                }
            }
        }
        return total;
    }
}

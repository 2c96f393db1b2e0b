package io.schedulr.scheduling.adapter.out.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.schedulr.scheduling.config.SchedulingConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Deletes outbox rows published more than {@code scheduling.outbox.keep-published} ago (7 days), every
 * {@code scheduling.outbox.cleanup-every} (an hour), a thousand at a time on the reactive pool: once Kafka has a record,
 * its row is never read again, and without this the table would grow by one row per booking for ever. Rows set aside
 * (never published) stay for operators. Every replica may run it; two deleting the same rows at once do no harm.
 * (jdbc-outbox's class of the same name does this for the services that reach their database through JDBC.)
 */
@ApplicationScoped
public class PublishedOutboxCleanup {
    private static final Logger LOG = Logger.getLogger(PublishedOutboxCleanup.class);
    static final int BATCH = 1000;
    /** A round stops after this many batches, so that a first run over a large backlog never holds a connection for long. */
    private static final int MAX_BATCHES = 100;

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    SchedulingConfig config;
    @Inject
    Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    void start(@Observes StartupEvent event) {
        Duration every = config.outbox().cleanupEvery();
        if (config.outbox().keepPublished().isNegative() || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("scheduling.outbox.keep-published must not be negative and scheduling.outbox.cleanup-every "
                    + "must be positive; they are " + config.outbox().keepPublished() + " and " + every);
        }
        timer = vertx.setPeriodic(Math.min(every.toMillis(), Duration.ofMinutes(1).toMillis()), every.toMillis(), id -> round());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void round() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        Duration keep = config.outbox().keepPublished();
        deletePublishedBefore(clock.instant().minus(keep))
                .eventually(() -> running.set(false))
                .subscribe().with(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("deleted %d outbox rows published more than %s ago", deleted, keep);
                    }
                }, error -> LOG.warnf("could not delete old published outbox rows, the next round tries again: %s", error.toString()));
    }

    /** Deletes rows published before {@code cutoff}, a batch at a time (each its own statement); emits how many. */
    public Uni<Integer> deletePublishedBefore(Instant cutoff) {
        return batches(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC), 0, 0);
    }

    private Uni<Integer> batches(OffsetDateTime cutoff, int done, int total) {
        return pool.preparedQuery("DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE published_at < $1 ORDER BY id LIMIT "
                        + BATCH + ")")
                .execute(Tuple.of(cutoff))
                .flatMap(rows -> rows.rowCount() < BATCH || done + 1 >= MAX_BATCHES ? Uni.createFrom().item(total + rows.rowCount())
                        : batches(cutoff, done + 1, total + rows.rowCount()));
    }
}

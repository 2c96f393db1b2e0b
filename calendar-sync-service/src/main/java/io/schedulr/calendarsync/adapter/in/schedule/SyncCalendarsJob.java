package io.schedulr.calendarsync.adapter.in.schedule;

import io.schedulr.calendarsync.application.port.in.SyncCalendarsUseCase;
import io.schedulr.calendarsync.application.port.in.WatchCalendarsUseCase;
import io.schedulr.calendarsync.config.SyncConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Google → app on a clock: wanted syncs every {@code schedulr.sync-poll} (pushes only mark them), push channels opened,
 * renewed and stopped every {@code schedulr.watch-poll}, the backstop sync asked for every {@code schedulr.backstop-poll}.
 */
@ApplicationScoped
public class SyncCalendarsJob {
    private static final Logger LOG = Logger.getLogger(SyncCalendarsJob.class);
    /** At most this many batches of channels to stop a round. */
    private static final int MAX_BATCHES = 100;

    @Inject
    SyncCalendarsUseCase sync;

    @Inject
    WatchCalendarsUseCase watches;

    @Inject
    SyncConfig config;

    @Inject
    ShutdownSignal shutdown;

    @Scheduled(every = "${schedulr.sync-poll}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void syncWanted() {
        try {
            while (!shutdown.requested() && sync.syncNext()) {
                // drain everything wanted
            }
        } catch (RuntimeException e) {
            LOG.warnf("syncing calendars failed; next round tries again: %s", e.toString());
        }
    }

    @Scheduled(every = "${schedulr.watch-poll}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void keepChannels() {
        try {
            // Batch after batch until every connected calendar has a channel (a burst of connections is not left waiting
            // for later rounds); a batch that opens nothing (Google unavailable) ends the round.
            watches.openChannels(Instant.now().plus(config.renewAhead()));
            for (int batch = 0; batch < MAX_BATCHES && !shutdown.requested() && watches.stopChannels() > 0; batch++) {
                // next batch
            }
        } catch (RuntimeException e) {
            LOG.warnf("keeping push channels failed; next round tries again: %s", e.toString());
        }
    }

    @Scheduled(every = "${schedulr.backstop-poll}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void backstop() {
        try {
            int asked = sync.requestStale(config.backstopInterval());
            if (asked > 0) {
                LOG.debugf("backstop: %d calendars to sync", asked);
            }
        } catch (RuntimeException e) {
            LOG.warnf("asking for backstop syncs failed; next round tries again: %s", e.toString());
        }
    }
}

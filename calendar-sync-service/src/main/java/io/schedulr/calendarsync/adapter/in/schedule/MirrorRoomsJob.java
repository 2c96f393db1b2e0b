package io.schedulr.calendarsync.adapter.in.schedule;

import io.quarkus.scheduler.Scheduled;
import io.schedulr.calendarsync.application.port.in.MirrorRoomsUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Applies due room changes to Google every {@code schedulr.mirror-poll}, one job per transaction until none is due. */
@ApplicationScoped
public class MirrorRoomsJob {
    private static final Logger LOG = Logger.getLogger(MirrorRoomsJob.class);

    @Inject
    MirrorRoomsUseCase mirror;

    @Inject
    ShutdownSignal shutdown;

    @Scheduled(every = "${schedulr.mirror-poll}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            while (!shutdown.requested() && mirror.announceNextOfRevokedHost()) {
                // changes of hosts found revoked elsewhere: the participants are emailed instead
            }
            while (!shutdown.requested() && mirror.mirrorNext()) {
                // drain everything due
            }
        } catch (RuntimeException e) {
            LOG.warnf("mirroring rooms to Google failed; next round tries again: %s", e.toString());
        }
    }
}

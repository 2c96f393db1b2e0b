package io.schedulr.calendarsync.adapter.in.schedule;

import io.quarkus.scheduler.Scheduled;
import io.schedulr.calendarsync.application.port.in.MirrorInterviewsUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Brings team members' calendars in line with the interviews every {@code schedulr.mirror-poll}, one entry per transaction. */
@ApplicationScoped
public class MirrorInterviewsJob {
    private static final Logger LOG = Logger.getLogger(MirrorInterviewsJob.class);

    @Inject
    MirrorInterviewsUseCase mirror;

    @Inject
    ShutdownSignal shutdown;

    @Scheduled(every = "${schedulr.mirror-poll}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            while (!shutdown.requested() && mirror.mirrorNext()) {
                // drain everything due
            }
        } catch (RuntimeException e) {
            LOG.warnf("mirroring interviews to Google failed; next round tries again: %s", e.toString());
        }
    }
}

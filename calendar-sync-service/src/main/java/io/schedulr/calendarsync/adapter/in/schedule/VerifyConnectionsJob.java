package io.schedulr.calendarsync.adapter.in.schedule;

import io.quarkus.scheduler.Scheduled;
import io.schedulr.calendarsync.application.port.in.VerifyConnectionsUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Looks for connections due for a check every {@code schedulr.verify-poll} (the check itself is rarer). */
@ApplicationScoped
public class VerifyConnectionsJob {
    private static final Logger LOG = Logger.getLogger(VerifyConnectionsJob.class);

    @Inject
    VerifyConnectionsUseCase verify;

    @Inject
    ShutdownSignal shutdown;

    @Scheduled(every = "${schedulr.verify-poll}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            while (!shutdown.requested() && verify.verifyDue() > 0) {
                // drain everything due, a batch per transaction
            }
        } catch (RuntimeException e) {
            LOG.warnf("checking calendar grants failed; next round tries again: %s", e.toString());
        }
    }
}

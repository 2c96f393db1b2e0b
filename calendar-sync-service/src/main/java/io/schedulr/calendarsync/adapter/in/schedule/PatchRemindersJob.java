package io.schedulr.calendarsync.adapter.in.schedule;

import io.quarkus.scheduler.Scheduled;
import io.schedulr.calendarsync.application.port.in.PatchRemindersUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Sets the reminders of people's future Google events to their changed preferences every {@code schedulr.mirror-poll}, on
 * the mirrors' schedule, one event per transaction until none is due.
 */
@ApplicationScoped
public class PatchRemindersJob {
    private static final Logger LOG = Logger.getLogger(PatchRemindersJob.class);

    @Inject
    PatchRemindersUseCase reminders;

    @Inject
    ShutdownSignal shutdown;

    @Scheduled(every = "${schedulr.mirror-poll}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            while (!shutdown.requested() && reminders.patchNext()) {
                // drain everything due
            }
        } catch (RuntimeException e) {
            LOG.warnf("setting reminders on Google failed; next round tries again: %s", e.toString());
        }
    }
}

package io.schedulr.notification.adapter.in.scheduling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.schedulr.notification.application.port.in.SendDueRemindersUseCase;
import io.schedulr.notification.application.port.in.SendDueRemindersUseCase.Report;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Sends due reminders every {@code notification.reminders.every} on a worker thread (never the event loop). Every replica
 * runs it; the reminder queue's claim ({@code FOR UPDATE SKIP LOCKED} and a lease) makes each reminder go out once. Nothing
 * is held in memory between rounds: a restart loses nothing.
 */
@ApplicationScoped
public class ReminderTrigger {
    /** The job's identity, to pause it (tests) through {@code io.quarkus.scheduler.Scheduler}. */
    public static final String JOB = "reminder-sender";
    private static final Logger LOG = Logger.getLogger(ReminderTrigger.class);

    private final SendDueRemindersUseCase reminders;
    private final MeterRegistry registry;

    ReminderTrigger(SendDueRemindersUseCase reminders, MeterRegistry registry) {
        this.reminders = reminders;
        this.registry = registry;
    }

    @Scheduled(identity = JOB, every = "${notification.reminders.every}", delayed = "${notification.reminders.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        try {
            Report report = reminders.sendDue().await().atMost(Duration.ofMinutes(10));
            count(report);
            if (report.failed() > 0 || report.errors() > 0) {
                LOG.warnf("reminder round: %d claimed, %d sent, %d skipped (too late), %d cancelled, %d refused (tried again later), "
                        + "%d could not be settled (see reminder / reminder_audit)", report.claimed(), report.sent(), report.skippedLate(),
                        report.cancelled(), report.failed(), report.errors());
            } else if (report.claimed() > 0) {
                LOG.infof("reminder round: %d claimed, %d sent, %d skipped (too late), %d cancelled", report.claimed(), report.sent(),
                        report.skippedLate(), report.cancelled());
            }
        } catch (RuntimeException e) {
            LOG.warnf("reminder round failed, the next round retries: %s", e.toString());
        }
    }

    /** {@code schedulr_reminders_total{outcome}} on /q/metrics. */
    private void count(Report report) {
        counter("sent").increment(report.sent());
        counter("skipped_late").increment(report.skippedLate());
        counter("cancelled").increment(report.cancelled());
        counter("failed").increment(report.failed());
    }

    private Counter counter(String outcome) {
        return Counter.builder("schedulr.reminders").tag("outcome", outcome)
                .description("Reminder mails by outcome: sent, skipped_late (could no longer arrive in time), cancelled, failed (refused; tried again)")
                .register(registry);
    }
}

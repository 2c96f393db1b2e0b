package io.schedulr.notification.adapter.in.scheduling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.schedulr.notification.application.port.in.SendBounceAlertsUseCase;
import io.schedulr.notification.application.port.in.SendBounceAlertsUseCase.Report;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Sends planned bounce alerts every {@code notification.bounce-alerts.every} on a worker thread (never the event loop). Every
 * replica runs it; the queue's claim ({@code FOR UPDATE SKIP LOCKED} and a lease) makes each alert go out once. Nothing is
 * held in memory between rounds: a restart loses nothing.
 */
@ApplicationScoped
public class BounceAlertTrigger {
    /** The job's identity, to pause it (tests) through {@code io.quarkus.scheduler.Scheduler}. */
    public static final String JOB = "bounce-alert-sender";
    private static final Logger LOG = Logger.getLogger(BounceAlertTrigger.class);

    private final SendBounceAlertsUseCase alerts;
    private final MeterRegistry registry;

    BounceAlertTrigger(SendBounceAlertsUseCase alerts, MeterRegistry registry) {
        this.alerts = alerts;
        this.registry = registry;
    }

    @Scheduled(identity = JOB, every = "${notification.bounce-alerts.every}", delayed = "${notification.bounce-alerts.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        try {
            Report report = alerts.sendDue().await().atMost(Duration.ofMinutes(10));
            count(report);
            if (report.failed() > 0 || report.givenUp() > 0 || report.errors() > 0) {
                LOG.warnf("bounce alert round: %d claimed, %d sent, %d refused (tried again later), %d given up, %d could not be "
                        + "settled (see bounce_alert)", report.claimed(), report.sent(), report.failed(), report.givenUp(), report.errors());
            } else if (report.claimed() > 0) {
                LOG.infof("bounce alert round: %d claimed, %d sent", report.claimed(), report.sent());
            }
        } catch (RuntimeException e) {
            LOG.warnf("bounce alert round failed, the next round retries: %s", e.toString());
        }
    }

    /** {@code schedulr_bounce_alerts_total{outcome}} on /q/metrics. */
    private void count(Report report) {
        counter("sent").increment(report.sent());
        counter("failed").increment(report.failed());
        counter("given_up").increment(report.givenUp());
    }

    private Counter counter(String outcome) {
        return Counter.builder("schedulr.bounce.alerts").tag("outcome", outcome)
                .description("Mails telling an organizer that an invitation did not arrive, by outcome: sent, failed (refused; "
                        + "tried again), given_up")
                .register(registry);
    }
}

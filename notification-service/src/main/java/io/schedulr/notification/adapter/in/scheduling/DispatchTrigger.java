package io.schedulr.notification.adapter.in.scheduling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.schedulr.notification.application.port.in.DispatchDeliveriesUseCase;
import io.schedulr.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs dispatch rounds on one dedicated worker thread (never the event loop): right after new deliveries are queued,
 * on a schedule that picks up parked deliveries when they are due again, and, while the mail server cannot be reached,
 * every {@code notification.dispatch.probe-every}, so the backlog goes out as soon as the server answers again.
 */
@ApplicationScoped
public class DispatchTrigger {
    private static final Logger LOG = Logger.getLogger(DispatchTrigger.class);

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "delivery-dispatcher");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicBoolean waitingForMailServer = new AtomicBoolean();
    private final AtomicBoolean probeScheduled = new AtomicBoolean();

    @Inject
    DispatchDeliveriesUseCase dispatch;
    @Inject
    NotificationConfig config;
    @Inject
    MeterRegistry registry;

    /** Asks for a dispatch round soon; calls while one is already waiting are folded into it. */
    public void kick() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(this::runRounds);
            } catch (RuntimeException e) {
                queued.set(false);
                LOG.debug("dispatcher not accepting work (shutting down)", e);
            }
        }
    }

    @Scheduled(every = "${notification.dispatch.every}", delayed = "${notification.dispatch.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        kick();
    }

    private void runRounds() {
        queued.set(false);
        try {
            DispatchDeliveriesUseCase.Report report;
            do {
                report = dispatch.dispatchDue().await().atMost(Duration.ofMinutes(5));
                count(report);
                if (report.mailServerDown()) {
                    if (waitingForMailServer.compareAndSet(false, true)) {
                        LOG.warnf("the mail server cannot be reached; sending nothing and asking again every %s (%d deliveries given back)",
                                config.dispatch().probeEvery(), report.held());
                    }
                    if (probeScheduled.compareAndSet(false, true)) {
                        worker.schedule(() -> {
                            probeScheduled.set(false);
                            kick();
                        }, config.dispatch().probeEvery().toMillis(), TimeUnit.MILLISECONDS);
                    }
                    return;
                }
                if (waitingForMailServer.compareAndSet(true, false)) {
                    LOG.info("the mail server answers again; sending the backlog");
                }
                if (report.failed() > 0) {
                    LOG.warnf("dispatch round: %d claimed, %d sent, %d failed and parked (see GET /api/rooms/{roomId}/deliveries)",
                            report.claimed(), report.sent(), report.failed());
                } else if (report.claimed() > 0) {
                    LOG.debugf("dispatch round: %d claimed, %d sent", report.claimed(), report.sent());
                }
            } while (report.claimed() >= config.dispatch().batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("dispatch round failed, the next round retries: %s", e.toString());
        }
    }

    /**
     * {@code schedulr_invitations_total{outcome}} on /q/metrics: mails the SMTP server accepted ({@code sent}) and
     * attempts it refused, each parking its delivery for a later round ({@code failed}). Deliveries given back while the
     * server could not be reached are no attempt and are not counted.
     */
    private void count(DispatchDeliveriesUseCase.Report report) {
        invitations("sent").increment(report.sent());
        invitations("failed").increment(report.failed());
    }

    private Counter invitations(String outcome) {
        return Counter.builder("schedulr.invitations").tag("outcome", outcome)
                .description("Invitation mails by outcome: sent (the SMTP server accepted it), failed (refused; the delivery is parked)")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        invitations("sent");
        invitations("failed");
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

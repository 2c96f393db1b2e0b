package io.schedulr.calcom.adapter.out.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.schedulr.calcom.application.port.out.MissedChangesMeter;
import io.schedulr.calcom.domain.webhook.ChangeKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

/**
 * {@code schedulr_calcom_missed_changes_total{kind}} on /q/metrics: changes a look-up found at Cal.com and announced
 * because their webhooks never came ({@code kind} {@code created} for a booking made here, {@code rescheduled},
 * {@code cancelled}). Any at all means webhooks
 * are being lost: this service was down or unreachable longer than Cal.com's attempts last, or the subscription broke.
 */
@ApplicationScoped
public class LookUpMeters implements MissedChangesMeter {
    private final MeterRegistry registry;

    LookUpMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void announced(ChangeKind kind) {
        Counter.builder("schedulr.calcom.missed.changes").tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .description("Cal.com changes found by looking meetings up and announced, their webhooks never came").register(registry)
                .increment();
    }
}

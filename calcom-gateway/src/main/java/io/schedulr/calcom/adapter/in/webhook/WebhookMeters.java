package io.schedulr.calcom.adapter.in.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code schedulr_calcom_webhooks_total{outcome, detail}} on /q/metrics: Cal.com's webhook deliveries by what became of
 * them. {@code outcome} is {@code accepted} (detail {@code published}, {@code held}, {@code stale}, {@code ignored} for a
 * trigger we do not translate, {@code pong}), {@code duplicate} (detail {@code duplicate}: the same change again, a
 * retry or replay) or {@code rejected} (detail {@code invalid_signature}, {@code invalid_webhook}: unreadable,
 * {@code webhook_secret_not_configured}).
 */
@ApplicationScoped
public class WebhookMeters {
    private final MeterRegistry registry;

    WebhookMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void accepted(String detail) {
        count("accepted", detail);
    }

    void duplicate() {
        count("duplicate", "duplicate");
    }

    void rejected(String code) {
        count("rejected", code);
    }

    private void count(String outcome, String detail) {
        Counter.builder("schedulr.calcom.webhooks").tag("outcome", outcome).tag("detail", detail)
                .description("Cal.com webhook deliveries: accepted, duplicate or rejected, with the detail").register(registry).increment();
    }
}

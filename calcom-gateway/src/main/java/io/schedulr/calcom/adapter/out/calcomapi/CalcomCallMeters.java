package io.schedulr.calcom.adapter.out.calcomapi;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.schedulr.calcom.application.port.out.CalcomException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

/**
 * {@code schedulr_calcom_api_calls_total{endpoint, outcome}} on /q/metrics: every request sent to Cal.com's API, each
 * retry counted on its own, by endpoint template ({@code GET /v2/bookings/{uid}}) and outcome — {@code success}, or the
 * kind of failure: {@code unavailable} (5xx, network, unreadable answer), {@code rate_limited} (429), {@code key_rejected}
 * (401), {@code not_found} (404), {@code rejected} (another 4xx). Nothing is counted when no key is configured: no request
 * is sent then.
 */
@ApplicationScoped
public class CalcomCallMeters {
    private final MeterRegistry registry;

    CalcomCallMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String endpoint, Throwable failure) {
        String outcome;
        if (failure == null) {
            outcome = "success";
        } else if (failure instanceof CalcomException known) {
            if (known.kind() == CalcomException.Kind.NOT_CONFIGURED) {
                return;
            }
            outcome = known.kind().name().toLowerCase(Locale.ROOT);
        } else {
            outcome = "unavailable";
        }
        Counter.builder("schedulr.calcom.api.calls").tag("endpoint", endpoint).tag("outcome", outcome)
                .description("Requests sent to Cal.com's API (each retry counted), by endpoint and outcome").register(registry).increment();
    }
}

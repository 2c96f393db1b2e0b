package io.schedulr.calendarsync.adapter.out.google;

import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code schedulr_google_calls_total{api, method, outcome}} on /q/metrics: every HTTP request sent to Google, each
 * retry counted, counted where Google's client sees the answer (every request of this service to Google is prepared by
 * {@link GoogleRequests}, which ends with {@link #metered}):
 * <ul>
 * <li>{@code api}: {@code calendar} (the Calendar API, {@code …/calendar/v3/…}) or {@code oauth} (token and revoke);</li>
 * <li>{@code outcome}: {@code success} (2xx/3xx), {@code rate_limited} (429), {@code refused} (any other 4xx — this
 * includes answers the service expects, such as 404 for an event already gone or 410 for an expired sync token, and
 * Google's rate-limit 403s), {@code server_error} (5xx) or {@code network} (no answer: refused connection, timeout).</li>
 * </ul>
 */
@ApplicationScoped
public class GoogleCallMeters {
    private final MeterRegistry registry;

    GoogleCallMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** {@code inner} (may be null), and then the counting of the request's answer or failure. */
    HttpRequestInitializer metered(HttpRequestInitializer inner) {
        return request -> {
            if (inner != null) {
                inner.initialize(request);
            }
            request.setResponseInterceptor(response -> count(request, outcome(response.getStatusCode())));
            request.setIOExceptionHandler((failed, supportsRetry) -> {
                count(failed, "network");
                return false;
            });
        };
    }

    static String outcome(int status) {
        if (status < 400) {
            return "success";
        }
        if (status == 429) {
            return "rate_limited";
        }
        return status < 500 ? "refused" : "server_error";
    }

    private void count(HttpRequest request, String outcome) {
        String api = request.getUrl() != null && request.getUrl().getRawPath() != null && request.getUrl().getRawPath().contains("/calendar/v3/")
                ? "calendar" : "oauth";
        Counter.builder("schedulr.google.calls").tag("api", api).tag("method", String.valueOf(request.getRequestMethod()))
                .tag("outcome", outcome).description("Requests sent to Google (Calendar API and OAuth), each retry counted, by outcome")
                .register(registry).increment();
    }
}

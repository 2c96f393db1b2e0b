package io.schedulr.calcom.adapter.in.health;

import io.schedulr.calcom.application.port.in.CalcomConnectionUseCase;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * "Cal.com API" under {@code /q/health/well}: UP while Cal.com accepts our key; DOWN with the
 * reason when no key is configured, the key is rejected, or Cal.com is unreachable.
 * <p>
 * Deliberately <b>not</b> a readiness check: Kubernetes stops sending traffic to a pod that is not ready, and that traffic
 * includes Cal.com's webhooks, which need no API key and would be lost (Cal.com tries at most 3 times). A broken key
 * breaks only the outbound API, whose callers get {@code 503 calcom_unavailable}; operators alert on this check.
 */
@Wellness
@ApplicationScoped
public class CalcomApiHealthCheck implements AsyncHealthCheck {
    static final String NAME = "Cal.com API";

    @Inject
    CalcomConnectionUseCase connection;

    @Override
    public Uni<HealthCheckResponse> call() {
        return connection.status().map(status -> HealthCheckResponse.named(NAME)
                .status(status.state().usable())
                .withData("state", status.state().name().toLowerCase(java.util.Locale.ROOT))
                .withData("reason", status.reason())
                .withData("checkedAt", status.checkedAt().toString())
                .build());
    }
}

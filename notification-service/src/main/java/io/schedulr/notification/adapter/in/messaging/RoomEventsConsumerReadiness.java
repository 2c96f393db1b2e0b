package io.schedulr.notification.adapter.in.messaging;

import io.schedulr.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * DOWN while the room events consumer has been stuck on one record (a transient failure retried, or a call that never
 * returns) for longer than {@code notification.consumer.stuck-after}: every record behind it on its partition waits,
 * so operators must hear of it. UP again once the record goes through.
 */
@Readiness
@ApplicationScoped
public class RoomEventsConsumerReadiness implements HealthCheck {
    @Inject
    RecordsInFlight inFlight;
    @Inject
    NotificationConfig config;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Room events consumer").up();
        Duration stuckAfter = config.consumer().stuckAfter();
        inFlight.oldest().filter(r -> Duration.between(r.since(), inFlight.now()).compareTo(stuckAfter) > 0).ifPresent(r -> response.down()
                .withData("reason", "one record has not gone through for longer than " + stuckAfter + "; the records behind it wait")
                .withData("record", r.record())
                .withData("since", r.since().toString())
                .withData("lastError", r.lastError() == null ? "none: the call has not returned" : r.lastError()));
        return response.build();
    }
}

package io.schedulr.notification.adapter.in.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Liveness: the room event consumer thread is running. */
@Liveness
@ApplicationScoped
public class RoomEventsConsumerHealth implements HealthCheck {
    @Inject
    RoomEventsConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Room events consumer").status(consumer.healthy()).build();
    }
}

package io.schedulr.notification.adapter.in.messaging;

import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * SmallRye's messaging liveness (the room-events channel and {@link RoomEventsListener}) under the check name probes and
 * dashboards already know. UP when the channel is switched off ({@code notification.consumer.enabled=false}).
 */
@Liveness
@ApplicationScoped
public class RoomEventsChannelHealth implements HealthCheck {

    @Inject
    HealthCenter health;

    @Override
    public HealthCheckResponse call() {
        HealthReport liveness = health.getLiveness();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Room events consumer").status(liveness.isOk());
        for (HealthReport.ChannelInfo channel : liveness.getChannels()) {
            if (!channel.isOk()) {
                response.withData(channel.getChannel(), String.valueOf(channel.getMessage()));
            }
        }
        return response.build();
    }
}

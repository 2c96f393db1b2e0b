package io.schedulr.notification.adapter.in.messaging;

import io.schedulr.events.CalendarConnectionEvent;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.MalformedEventException;
import io.schedulr.notification.application.port.in.RecordCalendarConnectionUseCase;
import io.schedulr.notification.config.NotificationConfig;
import io.schedulr.notification.domain.CalendarConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Keeps each person's calendar connection from calendar-sync-service's {@code calendar.connection-events.v1} (channel
 * {@code calendar-connections}: own consumer group, from the earliest record, offsets committed once handled). Whether
 * the host is connected decides who sends a room's invitation, Google or us. A record that can never be applied is
 * logged and skipped; a passing failure is retried until it passes. Redelivery and reordering are harmless: an older
 * change never replaces a newer one.
 */
@ApplicationScoped
public class CalendarConnectionsListener {
    private static final Logger LOG = Logger.getLogger(CalendarConnectionsListener.class);

    private final RecordCalendarConnectionUseCase connections;
    private final Duration firstBackoff;

    @Inject
    CalendarConnectionsListener(RecordCalendarConnectionUseCase connections, NotificationConfig config) {
        this.connections = connections;
        this.firstBackoff = config.consumer().retryBackoff();
    }

    @Incoming("calendar-connections")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return KafkaRetry.handle(LOG, "calendar connections", record, firstBackoff, () -> {
            CalendarConnection connection = toConnection(EventCodec.decodeCalendarConnectionEvent(record.value()));
            return connections.record(connection)
                    .invoke(outcome -> LOG.infof("calendar connections: %s %s for %s at %s: %s", KafkaRetry.at(record),
                            connection.status(), connection.userId(), connection.changedAt(), outcome));
        });
    }

    static CalendarConnection toConnection(CloudEvent<CalendarConnectionEvent> event) {
        if (event.time() == null) {
            throw new MalformedEventException("event " + event.id() + " has no time");
        }
        return new CalendarConnection(event.data().userId(), event.data().status(), event.time());
    }
}

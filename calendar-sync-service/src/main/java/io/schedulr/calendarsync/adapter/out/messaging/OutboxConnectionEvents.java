package io.schedulr.calendarsync.adapter.out.messaging;

import io.schedulr.calendarsync.application.port.out.ConnectionEvents;
import io.schedulr.calendarsync.domain.ConnectionChange;
import io.schedulr.calendarsync.domain.ConnectionStatus;
import io.schedulr.events.CalendarConnectionEvent;
import io.schedulr.events.CalendarConnectionEventType;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.Topics;
import io.schedulr.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Writes each connection change as a CloudEvent into the shared outbox (jdbc-outbox), in the transaction of the change. */
@ApplicationScoped
public class OutboxConnectionEvents implements ConnectionEvents {
    static final String SOURCE = "/calendar-sync-service";

    @Inject
    Outbox outbox;

    @Override
    public void publish(ConnectionChange change) {
        CalendarConnectionEventType type = change.status() == ConnectionStatus.CONNECTED
                ? CalendarConnectionEventType.CALENDAR_CONNECTED : CalendarConnectionEventType.CALENDAR_DISCONNECTED;
        CloudEvent<CalendarConnectionEvent> event = CloudEvent.of(UUID.randomUUID().toString(), SOURCE, type.cloudEventType(), Instant.now(),
                change.googleAccountId(), new CalendarConnectionEvent(change.googleAccountId(), change.email(), wire(change.status()),
                        change.reason() == null ? null : change.reason().name().toLowerCase(Locale.ROOT), change.calendarId()));
        outbox.append(Topics.CALENDAR_CONNECTIONS, change.googleAccountId(), event);
    }

    private static String wire(ConnectionStatus status) {
        return switch (status) {
            case CONNECTED -> CalendarConnectionEvent.CONNECTED;
            case NOT_CONNECTED -> CalendarConnectionEvent.NOT_CONNECTED;
            case REVOKED -> CalendarConnectionEvent.REVOKED;
        };
    }
}

package io.schedulr.calendarsync.adapter.out.messaging;

import io.agroal.api.AgroalDataSource;
import io.schedulr.calendarsync.application.port.out.ConnectionEvents;
import io.schedulr.calendarsync.domain.ConnectionChange;
import io.schedulr.calendarsync.domain.ConnectionStatus;
import io.schedulr.events.CalendarConnectionEvent;
import io.schedulr.events.CalendarConnectionEventType;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Writes each connection change as a CloudEvent into the outbox, in the transaction of the change. */
@ApplicationScoped
public class OutboxConnectionEvents implements ConnectionEvents {
    static final String SOURCE = "/calendar-sync-service";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxRelay relay;

    @Override
    public void publish(ConnectionChange change) {
        CalendarConnectionEventType type = change.status() == ConnectionStatus.CONNECTED
                ? CalendarConnectionEventType.CALENDAR_CONNECTED : CalendarConnectionEventType.CALENDAR_DISCONNECTED;
        UUID id = UUID.randomUUID();
        CloudEvent<CalendarConnectionEvent> event = CloudEvent.of(id.toString(), SOURCE, type.cloudEventType(), Instant.now(),
                change.googleAccountId(), new CalendarConnectionEvent(change.googleAccountId(), change.email(), wire(change.status()),
                        change.reason() == null ? null : change.reason().name().toLowerCase(Locale.ROOT), change.calendarId()));
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO outbox (event_id, topic, message_key, event_type, payload) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, Topics.CALENDAR_CONNECTIONS);
            insert.setString(3, change.googleAccountId());
            insert.setString(4, type.cloudEventType());
            insert.setString(5, EventCodec.encode(event));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue the connection change of " + change.googleAccountId(), e);
        }
        relay.wakeAfterCommit();
    }

    private static String wire(ConnectionStatus status) {
        return switch (status) {
            case CONNECTED -> CalendarConnectionEvent.CONNECTED;
            case NOT_CONNECTED -> CalendarConnectionEvent.NOT_CONNECTED;
            case REVOKED -> CalendarConnectionEvent.REVOKED;
        };
    }
}

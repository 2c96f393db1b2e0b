package io.schedulr.scheduling.adapter.in.messaging;

import io.schedulr.events.CalendarConnectionEvent;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.MalformedEventException;
import io.schedulr.scheduling.application.port.in.RecordCalendarConnectionCommand;
import io.schedulr.scheduling.application.port.in.RecordCalendarConnectionUseCase;
import io.schedulr.scheduling.domain.CalendarConnectionStatus;
import io.schedulr.scheduling.domain.DomainException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.Locale;

/**
 * Keeps each person's calendar connection from calendar-sync-service's {@code calendar.connection-events.v1} (channel
 * {@code calendar-connections}: one shared consumer group, from the earliest record, offsets committed once handled).
 * A record that can never be applied (not a valid event, no time, values the store refuses) is logged and skipped, so
 * it never holds up anyone else's changes; a passing failure (the database is unreachable) is retried with back-off,
 * so no change is lost. Redelivery is harmless: an older change never replaces a newer one.
 */
@ApplicationScoped
public class CalendarConnectionListener {
    private static final Logger LOG = Logger.getLogger(CalendarConnectionListener.class);

    @Inject
    RecordCalendarConnectionUseCase connections;

    @Incoming("calendar-connections")
    public Uni<Void> receive(ConsumerRecord<String, String> record) {
        RecordCalendarConnectionCommand command;
        try {
            command = toCommand(EventCodec.decodeCalendarConnectionEvent(record.value()));
        } catch (MalformedEventException | DomainException e) {
            LOG.warnf("calendar connections: skipping %s: %s", RecordAttempts.at(record), e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return RecordAttempts.untilSettled(LOG, "calendar connections", record, () -> connections.record(command),
                outcome -> LOG.infof("calendar connections: %s %s for %s at %s: %s", RecordAttempts.at(record),
                        command.connection().status(), command.connection().userId(), command.connection().changedAt(), outcome));
    }

    private static RecordCalendarConnectionCommand toCommand(CloudEvent<CalendarConnectionEvent> event) {
        if (event.time() == null) {
            throw new MalformedEventException("event " + event.id() + " has no time");
        }
        CalendarConnectionEvent data = event.data();
        CalendarConnectionStatus status = CalendarConnectionStatus.valueOf(data.status().toUpperCase(Locale.ROOT));
        return new RecordCalendarConnectionCommand(data.userId(), status, data.reason(), data.calendarId(), event.time());
    }
}

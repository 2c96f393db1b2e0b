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
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;
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
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    @Inject
    RecordCalendarConnectionUseCase connections;

    @Incoming("calendar-connections")
    public Uni<Void> receive(ConsumerRecord<String, String> record) {
        RecordCalendarConnectionCommand command;
        try {
            command = toCommand(EventCodec.decodeCalendarConnectionEvent(record.value()));
        } catch (MalformedEventException | DomainException e) {
            LOG.warnf("calendar connections: skipping %s: %s", at(record), e.getMessage());
            return Uni.createFrom().voidItem();
        }
        // Hibernate Reactive must run on this record's Vert.x context, so a retry after a back-off goes back to it.
        Context context = Vertx.currentContext();
        Uni<RecordCalendarConnectionUseCase.Outcome> attempt = Uni.createFrom().deferred(() -> connections.record(command));
        if (context != null) {
            attempt = attempt.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return attempt
                .onFailure(CalendarConnectionListener::passing).invoke(e -> LOG.warnf("calendar connections: %s failed (%s); retrying",
                        at(record), e.toString()))
                .onFailure(CalendarConnectionListener::passing).retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).indefinitely()
                .invoke(outcome -> LOG.infof("calendar connections: %s %s for %s at %s: %s", at(record),
                        command.connection().status(), command.connection().userId(), command.connection().changedAt(), outcome))
                .onFailure(DomainException.class).recoverWithItem(e -> {
                    LOG.warnf("calendar connections: skipping %s: %s", at(record), e.getMessage());
                    return null;
                })
                .replaceWithVoid();
    }

    private static RecordCalendarConnectionCommand toCommand(CloudEvent<CalendarConnectionEvent> event) {
        if (event.time() == null) {
            throw new MalformedEventException("event " + event.id() + " has no time");
        }
        CalendarConnectionEvent data = event.data();
        CalendarConnectionStatus status = CalendarConnectionStatus.valueOf(data.status().toUpperCase(Locale.ROOT));
        return new RecordCalendarConnectionCommand(data.userId(), status, data.reason(), data.calendarId(), event.time());
    }

    /** What may pass when tried again; a refusal of the values themselves will not. */
    private static boolean passing(Throwable failure) {
        return !(failure instanceof DomainException);
    }

    private static String at(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}

package io.schedulr.calendarsync.adapter.in.messaging;

import io.schedulr.calendarsync.application.port.in.RecordReminderPreferencesUseCase;
import io.schedulr.calendarsync.application.port.in.RecordReminderPreferencesUseCase.ReminderPreferencesChange;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.MalformedEventException;
import io.schedulr.events.ReminderPreferencesEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Duration;

/**
 * People's reminder preferences from scheduling-service (channel {@code reminder-preferences}: the shared group
 * {@code calendar-sync-reminder-preferences}, from the earliest record of the compacted topic, in order per person). Each
 * record is the person's whole state and is stored before its offset becomes committable (with, when the minutes changed,
 * the reminder patches of the person's future Google events, in the same transaction; Google is called later by the
 * worker, never here). A record that is not a valid
 * preferences event is logged and skipped; a passing failure (the database is unreachable) is tried again with back-off.
 */
@ApplicationScoped
public class ReminderPreferencesListener {
    private static final Logger LOG = Logger.getLogger(ReminderPreferencesListener.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    @Inject
    RecordReminderPreferencesUseCase preferences;

    @Incoming("reminder-preferences")
    @Blocking
    public void receive(ConsumerRecord<String, String> record) throws InterruptedException {
        ReminderPreferencesChange change;
        try {
            MDC.put("userId", record.key()); // records are keyed by it; every log line of this record names it
            CloudEvent<ReminderPreferencesEvent> event = EventCodec.decodeReminderPreferences(record.value());
            ReminderPreferencesEvent data = event.data();
            change = new ReminderPreferencesChange(event.id(), data.userId(), data.reminderMinutes(), data.reminderChannel());
        } catch (MalformedEventException | IllegalArgumentException | NullPointerException e) {
            LOG.warnf("reminder preferences: skipping %s: %s", at(record), e.getMessage());
            return;
        }
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                preferences.record(change);
                LOG.debugf("reminder preferences: %s minutes %s of %s stored", at(record), change.minutes(), change.userId());
                return;
            } catch (RuntimeException e) {
                LOG.warnf("reminder preferences: %s failed (%s); retrying in %s", at(record), e.toString(), backoff);
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static String at(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}

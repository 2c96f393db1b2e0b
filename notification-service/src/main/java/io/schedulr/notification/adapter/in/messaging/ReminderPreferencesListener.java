package io.schedulr.notification.adapter.in.messaging;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.ReminderPreferencesEvent;
import io.schedulr.notification.application.port.in.UpdateReminderPreferencesCommand;
import io.schedulr.notification.application.port.in.UpdateReminderPreferencesUseCase;
import io.schedulr.notification.config.NotificationConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * A person's reminder preferences ({@code scheduling.reminder-preferences.v1}, channel {@code reminder-preferences}: own
 * consumer group, from the earliest record, keyed by user id; compacted, so the latest record per person is their state):
 * stored, and the reminders of every upcoming session they take part in re-planned (and written in the zone they chose).
 * A tombstone (no value) removes the person's record: the defaults apply again. A record that can never be handled is
 * logged and skipped; a passing failure is retried until it passes.
 */
@ApplicationScoped
public class ReminderPreferencesListener {
    private static final Logger LOG = Logger.getLogger(ReminderPreferencesListener.class);

    private final UpdateReminderPreferencesUseCase preferences;
    private final Duration firstBackoff;

    @Inject
    ReminderPreferencesListener(UpdateReminderPreferencesUseCase preferences, NotificationConfig config) {
        this.preferences = preferences;
        this.firstBackoff = config.consumer().retryBackoff();
    }

    @Incoming("reminder-preferences")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return KafkaRetry.handle(LOG, "reminder preferences", record, firstBackoff, () -> {
            UpdateReminderPreferencesCommand command;
            if (record.value() == null) {
                command = UpdateReminderPreferencesCommand.removed(record.key());
            } else {
                CloudEvent<ReminderPreferencesEvent> event = EventCodec.decodeReminderPreferences(record.value());
                ReminderPreferencesEvent data = event.data();
                command = new UpdateReminderPreferencesCommand(data.userId(), data.reminderMinutes(), data.reminderChannel(),
                        data.timeZone());
            }
            UpdateReminderPreferencesCommand applied = command;
            return preferences.update(applied).invoke(sessions -> LOG.infof("reminder preferences of %s (%s %s): %d upcoming session(s) re-planned",
                    applied.userId(), applied.isRemoval() ? "removed" : applied.channel(), applied.minutes(), sessions));
        });
    }
}

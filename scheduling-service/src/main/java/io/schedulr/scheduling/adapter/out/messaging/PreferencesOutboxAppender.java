package io.schedulr.scheduling.adapter.out.messaging;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.ReminderPreferencesEvent;
import io.schedulr.events.Topics;
import io.schedulr.scheduling.application.port.out.AnnouncePreferencesPort;
import io.schedulr.scheduling.config.SchedulingConfig;
import io.schedulr.scheduling.domain.ReminderPreferences;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes {@code scheduling.reminder-preferences.v1} (keyed by user id, the whole state: preferences and the zone chosen) into
 * the outbox in the change's transaction.
 */
@ApplicationScoped
public class PreferencesOutboxAppender implements AnnouncePreferencesPort {
    @Inject
    SchedulingConfig config;
    @Inject
    Clock clock;

    @Override
    public Uni<Void> announce(String userId, ReminderPreferences preferences, Optional<String> chosenZone) {
        UUID id = UUID.randomUUID();
        CloudEvent<ReminderPreferencesEvent> event = CloudEvent.of(id.toString(), config.events().source(),
                ReminderPreferencesEvent.CLOUD_EVENT_TYPE, clock.instant(), userId,
                new ReminderPreferencesEvent(userId, preferences.minutes(), preferences.channel().name().toLowerCase(Locale.ROOT),
                        chosenZone.orElse(null)));
        return OutboxRows.append(id, Topics.REMINDER_PREFERENCES, event);
    }
}

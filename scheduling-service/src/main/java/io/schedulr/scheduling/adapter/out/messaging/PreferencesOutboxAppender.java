package io.schedulr.scheduling.adapter.out.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.ReminderPreferencesEvent;
import io.schedulr.events.Topics;
import io.schedulr.kit.tracing.TraceParents;
import io.schedulr.scheduling.application.port.out.AnnouncePreferencesPort;
import io.schedulr.scheduling.config.SchedulingConfig;
import io.schedulr.scheduling.domain.ReminderPreferences;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

/** Writes {@code scheduling.reminder-preferences.v1} (keyed by user id, the whole state) into the outbox in the change's transaction. */
@ApplicationScoped
public class PreferencesOutboxAppender implements AnnouncePreferencesPort {
    @Inject
    SchedulingConfig config;
    @Inject
    Clock clock;

    @Override
    public Uni<Void> announce(String userId, ReminderPreferences preferences) {
        UUID id = UUID.randomUUID();
        CloudEvent<ReminderPreferencesEvent> event = CloudEvent.of(id.toString(), config.events().source(),
                ReminderPreferencesEvent.CLOUD_EVENT_TYPE, clock.instant(), userId,
                new ReminderPreferencesEvent(userId, preferences.minutes(), preferences.channel().name().toLowerCase(Locale.ROOT)));
        String traceparent = TraceParents.current();
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "INSERT INTO outbox (event_id, topic, message_key, event_type, payload, traceparent) "
                                        + "VALUES (:id, :topic, :key, :type, CAST(CAST(:payload AS text) AS jsonb), :traceparent)")
                        .setParameter("id", id)
                        .setParameter("topic", Topics.REMINDER_PREFERENCES)
                        .setParameter("key", userId)
                        .setParameter("type", event.type())
                        .setParameter("payload", EventCodec.encode(event))
                        .setParameter("traceparent", traceparent)
                        .executeUpdate())
                .replaceWithVoid();
    }
}

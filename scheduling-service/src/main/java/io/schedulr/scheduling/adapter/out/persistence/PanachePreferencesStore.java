package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.schedulr.scheduling.adapter.out.SessionConnection;
import io.schedulr.scheduling.application.port.out.PreferencesStore;
import io.schedulr.scheduling.domain.ReminderChannel;
import io.schedulr.scheduling.domain.ReminderPreferences;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** user_preferences: a load by key and a one-statement upsert, both in the use case's session. */
@ApplicationScoped
public class PanachePreferencesStore implements PreferencesStore {

    @Override
    public Uni<Optional<ReminderPreferences>> load(String userId) {
        return Panache.getSession().chain(s -> s.find(UserPreferencesEntity.class, userId).map(e -> {
            if (e == null) {
                return Optional.<ReminderPreferences>empty();
            }
            s.detach(e);
            return Optional.of(ReminderPreferences.ofMinutes(Arrays.asList(e.reminderMinutes),
                    ReminderChannel.valueOf(e.reminderChannel.toUpperCase(Locale.ROOT))));
        }));
    }

    @Override
    public Uni<Void> save(String userId, ReminderPreferences preferences) {
        Integer[] minutes = preferences.minutes().toArray(new Integer[0]);
        return SessionConnection.update("INSERT INTO user_preferences (user_id, reminder_minutes, reminder_channel) "
                        + "VALUES ($1, CAST($2 AS integer[]), $3) "
                        + "ON CONFLICT (user_id) DO UPDATE SET reminder_minutes = EXCLUDED.reminder_minutes, "
                        + "reminder_channel = EXCLUDED.reminder_channel, version = user_preferences.version + 1, updated_at = now()",
                        userId, minutes, preferences.channel().name().toLowerCase(Locale.ROOT))
                .replaceWithVoid();
    }
}

package io.schedulr.scheduling.adapter.out.persistence;

import io.schedulr.scheduling.adapter.out.SessionConnection;
import io.schedulr.scheduling.application.port.out.PreferencesStore;
import io.schedulr.scheduling.domain.ReminderChannel;
import io.schedulr.scheduling.domain.ReminderPreferences;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * user_preferences in plain SQL on the use case's session connection ({@link SessionConnection}): a lookup by key and a
 * one-statement upsert. No entity: nothing here is changed through the session.
 */
@ApplicationScoped
public class SqlPreferencesStore implements PreferencesStore {

    @Override
    public Uni<Optional<ReminderPreferences>> load(String userId) {
        return SessionConnection.select("SELECT reminder_minutes, reminder_channel FROM user_preferences WHERE user_id = $1", userId)
                .map(rows -> rows.stream().findFirst().map(row -> ReminderPreferences.ofMinutes(Arrays.asList((Integer[]) row[0]),
                        ReminderChannel.valueOf(((String) row[1]).toUpperCase(Locale.ROOT)))));
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

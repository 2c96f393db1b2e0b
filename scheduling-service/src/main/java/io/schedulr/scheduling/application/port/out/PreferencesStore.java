package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.ReminderPreferences;
import io.smallrye.mutiny.Uni;

import java.util.Optional;

/** Each person's reminder preferences, in the caller's transaction. */
public interface PreferencesStore {
    /** What the person chose; empty when they never chose (they have {@link ReminderPreferences#DEFAULTS}). */
    Uni<Optional<ReminderPreferences>> load(String userId);

    /** Replaces the person's preferences (the last save wins). */
    Uni<Void> save(String userId, ReminderPreferences preferences);
}

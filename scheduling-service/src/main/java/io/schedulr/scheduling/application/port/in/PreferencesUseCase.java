package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.ReminderPreferences;
import io.smallrye.mutiny.Uni;

/** A person reads and replaces their own reminder preferences. */
public interface PreferencesUseCase {
    Uni<ReminderPreferences> preferencesOf(String userId);

    /** Stores and announces them; answers what is now stored. */
    Uni<ReminderPreferences> replace(String userId, ReminderPreferences preferences);
}

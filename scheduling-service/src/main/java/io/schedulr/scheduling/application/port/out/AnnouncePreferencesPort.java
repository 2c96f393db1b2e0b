package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.ReminderPreferences;
import io.smallrye.mutiny.Uni;

/** Tells the other services a person's reminder preferences, in the same transaction as the change. */
public interface AnnouncePreferencesPort {
    Uni<Void> announce(String userId, ReminderPreferences preferences);
}

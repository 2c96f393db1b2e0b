package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.ReminderPreferences;
import io.smallrye.mutiny.Uni;

import java.util.Optional;

/**
 * Tells the other services a person's reminder preferences and the zone they chose (the zone their reminders are written
 * in), the whole state, in the same transaction as the change.
 */
public interface AnnouncePreferencesPort {
    Uni<Void> announce(String userId, ReminderPreferences preferences, Optional<String> chosenZone);
}

package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.PreferencesUseCase;
import io.schedulr.scheduling.application.port.out.AnnouncePreferencesPort;
import io.schedulr.scheduling.application.port.out.ChosenTimeZonePort;
import io.schedulr.scheduling.application.port.out.PreferencesStore;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.domain.ReminderPreferences;
import io.smallrye.mutiny.Uni;

/**
 * Reminder preferences: the stored choice or the defaults. A change is stored and announced in one transaction, so
 * notification-service and calendar-sync-service learn every change that was kept, and none that was not. The
 * announcement carries the zone the person chose too: each one is the whole state.
 */
public class PreferencesService implements PreferencesUseCase {
    private final UnitOfWork tx;
    private final PreferencesStore store;
    private final AnnouncePreferencesPort announcements;
    private final ChosenTimeZonePort zones;

    public PreferencesService(UnitOfWork tx, PreferencesStore store, AnnouncePreferencesPort announcements, ChosenTimeZonePort zones) {
        this.tx = tx;
        this.store = store;
        this.announcements = announcements;
        this.zones = zones;
    }

    @Override
    public Uni<ReminderPreferences> preferencesOf(String userId) {
        return tx.inTransaction(() -> store.load(userId)).map(stored -> stored.orElse(ReminderPreferences.DEFAULTS));
    }

    @Override
    public Uni<ReminderPreferences> replace(String userId, ReminderPreferences preferences) {
        return tx.inTransaction(() -> store.save(userId, preferences)
                        .chain(() -> zones.chosenTimeZone(userId))
                        .chain(zone -> announcements.announce(userId, preferences, zone)))
                .replaceWith(preferences);
    }
}

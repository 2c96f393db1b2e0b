package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.ChooseTimeZoneUseCase;
import io.schedulr.scheduling.application.port.in.KeptTimeZoneUseCase;
import io.schedulr.scheduling.application.port.out.AnnouncePreferencesPort;
import io.schedulr.scheduling.application.port.out.ChooseTimeZonePort;
import io.schedulr.scheduling.application.port.out.PreferencesStore;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.ReminderPreferences;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The caller is signed in (their row made or refreshed) and their zone kept or read, in one transaction. A zone chosen
 * anew is announced with the person's reminder preferences in the same transaction, so the reminders already planned
 * for them are written in it from then on (notification-service); choosing the same zone again announces nothing.
 */
public class ChooseTimeZoneService implements ChooseTimeZoneUseCase, KeptTimeZoneUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final ChooseTimeZonePort zones;
    private final PreferencesStore preferences;
    private final AnnouncePreferencesPort announcements;

    public ChooseTimeZoneService(UnitOfWork tx, UserDirectoryPort users, ChooseTimeZonePort zones, PreferencesStore preferences,
                                 AnnouncePreferencesPort announcements) {
        this.tx = tx;
        this.users = users;
        this.zones = zones;
        this.preferences = preferences;
        this.announcements = announcements;
    }

    @Override
    public Uni<String> choose(UserProfile caller, ZoneId zone) {
        String id = zone.getId();
        return tx.inTransaction(() -> users.upsert(caller)
                .chain(() -> zones.chooseTimeZone(caller.id(), id))
                .chain(changed -> changed ? announce(caller.id(), id) : Uni.createFrom().voidItem())).replaceWith(id);
    }

    private Uni<Void> announce(String userId, String zone) {
        return preferences.load(userId)
                .chain(stored -> announcements.announce(userId, stored.orElse(ReminderPreferences.DEFAULTS), Optional.of(zone)));
    }

    @Override
    public Uni<String> kept(UserProfile caller) {
        return tx.inTransaction(() -> users.upsert(caller).chain(() -> users.findAll(List.of(caller.id()))))
                .map(found -> found.getOrDefault(caller.id(), caller).zoneOrUtc());
    }
}

package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.out.AnnouncePreferencesPort;
import io.schedulr.scheduling.application.port.out.ChosenTimeZonePort;
import io.schedulr.scheduling.application.port.out.PreferencesStore;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.domain.ReminderPreferences;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Preferences, chosen zones and announcements in memory; a transaction that fails leaves the store and announcements as they were. */
final class InMemoryPreferences implements UnitOfWork, PreferencesStore, AnnouncePreferencesPort, ChosenTimeZonePort {
    Map<String, ReminderPreferences> stored = new HashMap<>();
    final Map<String, String> chosenZones = new HashMap<>();
    /** "userId [minutes] CHANNEL zone Z|none", in the order announced. */
    List<String> announced = new ArrayList<>();
    boolean announcingFails;

    @Override
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        Map<String, ReminderPreferences> storedBefore = new HashMap<>(stored);
        List<String> announcedBefore = new ArrayList<>(announced);
        return work.get().onFailure().invoke(() -> {
            stored = storedBefore;
            announced = announcedBefore;
        });
    }

    @Override
    public <T> Uni<T> reading(Supplier<Uni<T>> work) {
        return work.get();
    }

    @Override
    public Uni<Optional<ReminderPreferences>> load(String userId) {
        return Uni.createFrom().item(Optional.ofNullable(stored.get(userId)));
    }

    @Override
    public Uni<Void> save(String userId, ReminderPreferences preferences) {
        stored.put(userId, preferences);
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> announce(String userId, ReminderPreferences preferences, Optional<String> chosenZone) {
        if (announcingFails) {
            return Uni.createFrom().failure(new IllegalStateException("outbox down"));
        }
        announced.add(userId + " " + preferences.minutes() + " " + preferences.channel() + " zone " + chosenZone.orElse("none"));
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Optional<String>> chosenTimeZone(String userId) {
        return Uni.createFrom().item(Optional.ofNullable(chosenZones.get(userId)));
    }
}

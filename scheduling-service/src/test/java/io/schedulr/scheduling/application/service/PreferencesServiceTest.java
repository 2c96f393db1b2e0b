package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.out.AnnouncePreferencesPort;
import io.schedulr.scheduling.application.port.out.PreferencesStore;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.domain.ReminderChannel;
import io.schedulr.scheduling.domain.ReminderPreferences;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreferencesServiceTest {

    /** Store and announcements in memory; a transaction that fails leaves both as they were. */
    private static final class InMemoryPreferences implements UnitOfWork, PreferencesStore, AnnouncePreferencesPort {
        Map<String, ReminderPreferences> stored = new HashMap<>();
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
        public Uni<Void> announce(String userId, ReminderPreferences preferences) {
            if (announcingFails) {
                return Uni.createFrom().failure(new IllegalStateException("outbox down"));
            }
            announced.add(userId + " " + preferences.minutes() + " " + preferences.channel());
            return Uni.createFrom().voidItem();
        }
    }

    private final InMemoryPreferences ports = new InMemoryPreferences();
    private final PreferencesService service = new PreferencesService(ports, ports, ports);

    @Test
    void aPersonWhoNeverChoseHasTheDefaults() {
        assertThat(service.preferencesOf("ana").await().indefinitely()).isEqualTo(ReminderPreferences.DEFAULTS);
        assertThat(ports.announced).isEmpty();
    }

    @Test
    void aChangeIsStoredAndAnnouncedForThatPersonOnly() {
        ReminderPreferences wanted = ReminderPreferences.ofMinutes(List.of(5, 1440), ReminderChannel.POPUP);

        service.replace("ana", wanted).await().indefinitely();

        assertThat(service.preferencesOf("ana").await().indefinitely().minutes()).containsExactly(1440, 5);
        assertThat(service.preferencesOf("ben").await().indefinitely()).isEqualTo(ReminderPreferences.DEFAULTS);
        assertThat(ports.announced).containsExactly("ana [1440, 5] POPUP");
    }

    @Test
    void aChangeThatCannotBeAnnouncedIsNotKept() {
        ports.announcingFails = true;

        assertThatThrownBy(() -> service.replace("ana", ReminderPreferences.ofMinutes(List.of(5), ReminderChannel.EMAIL)).await().indefinitely())
                .hasMessageContaining("outbox down");

        assertThat(service.preferencesOf("ana").await().indefinitely()).isEqualTo(ReminderPreferences.DEFAULTS);
    }
}

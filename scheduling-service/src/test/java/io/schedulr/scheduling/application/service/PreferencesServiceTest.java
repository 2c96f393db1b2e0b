package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.domain.ReminderChannel;
import io.schedulr.scheduling.domain.ReminderPreferences;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreferencesServiceTest {

    private final InMemoryPreferences ports = new InMemoryPreferences();
    private final PreferencesService service = new PreferencesService(ports, ports, ports, ports);

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
        assertThat(ports.announced).containsExactly("ana [1440, 5] POPUP zone none");
    }

    @Test
    void theAnnouncementCarriesTheZoneThePersonChose() {
        ports.chosenZones.put("ana", "Asia/Tokyo");

        service.replace("ana", ReminderPreferences.ofMinutes(List.of(30), ReminderChannel.EMAIL)).await().indefinitely();

        assertThat(ports.announced).containsExactly("ana [30] EMAIL zone Asia/Tokyo");
    }

    @Test
    void aChangeThatCannotBeAnnouncedIsNotKept() {
        ports.announcingFails = true;

        assertThatThrownBy(() -> service.replace("ana", ReminderPreferences.ofMinutes(List.of(5), ReminderChannel.EMAIL)).await().indefinitely())
                .hasMessageContaining("outbox down");

        assertThat(service.preferencesOf("ana").await().indefinitely()).isEqualTo(ReminderPreferences.DEFAULTS);
    }
}

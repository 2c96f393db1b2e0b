package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.domain.ReminderChannel;
import io.schedulr.scheduling.domain.ReminderPreferences;
import io.schedulr.scheduling.domain.UserProfile;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChooseTimeZoneServiceTest {
    private final InMemoryScheduling store = new InMemoryScheduling();
    private final InMemoryPreferences preferences = new InMemoryPreferences();
    private final ChooseTimeZoneService service = new ChooseTimeZoneService(store, store, store, preferences, preferences);

    @Test
    void aZoneChosenAnewIsAnnouncedWithThePersonsPreferencesOnceEach() {
        UserProfile ana = new UserProfile("u-5", "ana@example.com", "Ana", "Europe/Berlin");
        preferences.stored.put("u-5", ReminderPreferences.ofMinutes(List.of(30), ReminderChannel.POPUP));
        UserProfile ben = new UserProfile("u-6", "ben@example.com", "Ben", null);

        service.choose(ana, ZoneId.of("Europe/Berlin")).await().indefinitely();
        service.choose(ana, ZoneId.of("Europe/Berlin")).await().indefinitely();
        service.choose(ana, ZoneId.of("America/Chicago")).await().indefinitely();
        service.choose(ben, ZoneId.of("Asia/Tokyo")).await().indefinitely();

        assertThat(preferences.announced).containsExactly("u-5 [30] POPUP zone Europe/Berlin", "u-5 [30] POPUP zone America/Chicago",
                "u-6 [60, 10] EMAIL zone Asia/Tokyo");
    }

    @Test
    void someoneNewIsSignedInWithTheZoneTheySet() {
        UserProfile fromGoogle = new UserProfile("u-1", "ana@example.com", "Ana", null);

        String kept = service.choose(fromGoogle, ZoneId.of("America/New_York")).await().indefinitely();

        assertThat(kept).isEqualTo("America/New_York");
        assertThat(store.findAll(List.of("u-1")).await().indefinitely().get("u-1"))
                .isEqualTo(new UserProfile("u-1", "ana@example.com", "Ana", "America/New_York"));
    }

    @Test
    void theZoneSetStaysWhenTheirNextTokenStatesAnotherOrNone() {
        UserProfile fromTokyo = new UserProfile("u-2", "tom@example.com", "Tom", "Asia/Tokyo");
        service.choose(fromTokyo, ZoneId.of("Europe/Lisbon")).await().indefinitely();

        store.inTransaction(() -> store.upsert(fromTokyo)).await().indefinitely();
        store.inTransaction(() -> store.upsert(new UserProfile("u-2", "tom@example.com", "Tom", null))).await().indefinitely();

        assertThat(store.findAll(List.of("u-2")).await().indefinitely().get("u-2").timeZone()).isEqualTo("Europe/Lisbon");
    }

    @Test
    void theZoneReadBackIsTheOneSetElseTheTokensElseUtc() {
        UserProfile fromGoogle = new UserProfile("u-3", "gia@example.com", "Gia", null);
        assertThat(service.kept(fromGoogle).await().indefinitely()).isEqualTo("UTC");

        UserProfile fromOslo = new UserProfile("u-4", "ola@example.com", "Ola", "Europe/Oslo");
        assertThat(service.kept(fromOslo).await().indefinitely()).isEqualTo("Europe/Oslo");

        service.choose(fromGoogle, ZoneId.of("Africa/Nairobi")).await().indefinitely();
        assertThat(service.kept(fromGoogle).await().indefinitely()).isEqualTo("Africa/Nairobi");
    }
}

package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.domain.UserProfile;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChooseTimeZoneServiceTest {
    private final InMemoryScheduling store = new InMemoryScheduling();
    private final ChooseTimeZoneService service = new ChooseTimeZoneService(store, store, store);

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

package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.ConnectionChange;
import io.schedulr.calendarsync.domain.ConnectionStatus;
import io.schedulr.calendarsync.domain.DisconnectReason;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared access tokens, with in-memory ports: what a grant Google refuses does to the person's connection. */
class GoogleGrantsTest {
    private static final Instant NOW = Instant.parse("2031-03-04T10:00:00Z");

    private final FakeGoogle google = new FakeGoogle();
    private final FakeTokenVault vault = new FakeTokenVault();
    private final InMemoryConnectionStore store = new InMemoryConnectionStore();
    private final RecordingConnectionEvents events = new RecordingConnectionEvents();
    private final List<String> audited = new ArrayList<>();
    private final GoogleGrants grants = new GoogleGrants(google, vault, (room, person, operation, outcome) -> audited.add(operation + ": " + outcome),
            store, events, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aRefusedGrantMarksThePersonRevokedAndAnnouncesIt() {
        CalendarConnection ana = connected("refresh-ana");
        google.refreshFailures.put("refresh-ana", new GrantRevokedException("Google: Token has been expired or revoked."));

        assertThatThrownBy(() -> grants.withAccessToken(ana, null, token -> token)).isInstanceOf(GrantRevokedException.class);
        grants.revoked(ana, "a test's Google call");

        assertThat(store.row("ana").status()).isEqualTo(ConnectionStatus.REVOKED);
        assertThat(events.published()).containsExactly(
                new ConnectionChange("ana", "ana@example.com", ConnectionStatus.REVOKED, DisconnectReason.REVOKED, null));
        assertThat(audited).singleElement().asString().startsWith("token.refresh");
    }

    @Test
    void aRefusalOfTheGrantBeforeAReconnectLeavesTheNewConnectionAlone() {
        CalendarConnection readBefore = connected("refresh-ana");
        google.refreshFailures.put("refresh-ana", new GrantRevokedException("Google: Token has been expired or revoked."));
        assertThatThrownBy(() -> grants.withAccessToken(readBefore, null, token -> token)).isInstanceOf(GrantRevokedException.class);
        CalendarConnection reconnected = connected("refresh-ana-new");

        grants.revoked(readBefore, "a mirror job that started before the reconnect");

        CalendarConnection row = store.row("ana");
        assertThat(row.status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(row.sealedRefreshToken()).isEqualTo(reconnected.sealedRefreshToken());
        assertThat(events.published()).isEmpty();
        assertThat(grants.<String>withAccessToken(row, null, token -> token)).as("the new grant still works").contains("refresh-ana-new");
    }

    private CalendarConnection connected(String refreshToken) {
        CalendarConnection connection = new CalendarConnection("ana", "ana@example.com", ConnectionStatus.CONNECTED, null,
                vault.seal(refreshToken), "cal-ana", NOW, NOW);
        store.given(connection);
        return InMemoryConnectionStore.copy(connection);
    }
}

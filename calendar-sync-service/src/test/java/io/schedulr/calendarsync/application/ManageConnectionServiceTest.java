package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.ConnectionChange;
import io.schedulr.calendarsync.domain.ConnectionStatus;
import io.schedulr.calendarsync.domain.DisconnectReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Looking at and ending a connection with in-memory ports. */
class ManageConnectionServiceTest {
    private static final Instant CONNECTED_AT = Instant.parse("2031-03-04T10:00:00Z");
    private static final Person ANA = new Person("sub-ana", "ana@example.com", "Europe/Berlin");

    private final FakeGoogle google = new FakeGoogle();
    private final FakeTokenVault vault = new FakeTokenVault();
    private final InMemoryConnectionStore store = new InMemoryConnectionStore();
    private final RecordingConnectionEvents events = new RecordingConnectionEvents();
    private ManageConnectionService service;

    @BeforeEach
    void wire() {
        service = new ManageConnectionService(store, events, google, vault, new InMemoryTransactions(store, events), null);
    }

    @Test
    void someoneNeverSeenIsNotConnected() {
        assertThat(service.connectionOf(ANA)).isEqualTo(new ConnectionView(ConnectionStatus.NOT_CONNECTED, null, null, null));
    }

    @Test
    void aConnectedPersonSeesTheirCalendarButNeverTheToken() {
        givenConnected("refresh-ana");

        ConnectionView view = service.connectionOf(ANA);

        assertThat(view).isEqualTo(new ConnectionView(ConnectionStatus.CONNECTED, null, "cal-ana", CONNECTED_AT));
        assertThat(view.toString()).doesNotContain("refresh-ana").doesNotContain(vault.seal("refresh-ana"));
    }

    @Test
    void disconnectingRevokesTheTokenAtGoogleThenForgetsItAndKeepsTheCalendarForNextTime() {
        givenConnected("refresh-ana");
        List<String> storedWhileRevoking = new ArrayList<>();
        google.onRevoke = token -> storedWhileRevoking.add(store.row(ANA.googleAccountId()).sealedRefreshToken());

        ConnectionView view = service.disconnect(ANA);

        assertThat(google.revoked).as("the plain token is revoked, once").containsExactly("refresh-ana");
        assertThat(storedWhileRevoking).as("Google is told before the token is forgotten").containsExactly(vault.seal("refresh-ana"));
        CalendarConnection row = store.row(ANA.googleAccountId());
        assertThat(row.status()).isEqualTo(ConnectionStatus.NOT_CONNECTED);
        assertThat(row.reason()).isEqualTo(DisconnectReason.USER);
        assertThat(row.sealedRefreshToken()).isNull();
        assertThat(row.calendarId()).as("kept, so connecting again finds the same calendar").isEqualTo("cal-ana");
        assertThat(view).isEqualTo(new ConnectionView(ConnectionStatus.NOT_CONNECTED, DisconnectReason.USER, null, null));
        assertThat(events.published()).containsExactly(
                new ConnectionChange(ANA.googleAccountId(), ANA.email(), ConnectionStatus.NOT_CONNECTED, DisconnectReason.USER, null));
    }

    @Test
    void googleFailingToRevokeStillForgetsTheToken() {
        givenConnected("refresh-ana");
        google.revokeFailure = new GoogleUnavailableException("revoking a grant failed: HTTP 503", null);

        ConnectionView view = service.disconnect(ANA);

        assertThat(google.revoked).containsExactly("refresh-ana");
        assertThat(view.status()).isEqualTo(ConnectionStatus.NOT_CONNECTED);
        assertThat(store.row(ANA.googleAccountId()).sealedRefreshToken()).isNull();
        assertThat(events.published()).singleElement().extracting(ConnectionChange::reason).isEqualTo(DisconnectReason.USER);
    }

    @Test
    void aTokenThatNoLongerOpensIsForgottenWithoutTellingGoogle() {
        givenConnected("refresh-ana");
        vault.unopenable.add(vault.seal("refresh-ana"));

        ConnectionView view = service.disconnect(ANA);

        assertThat(google.revoked).isEmpty();
        assertThat(view.status()).isEqualTo(ConnectionStatus.NOT_CONNECTED);
        assertThat(store.row(ANA.googleAccountId()).sealedRefreshToken()).isNull();
        assertThat(events.published()).hasSize(1);
    }

    @Test
    void disconnectingSomeoneNeverConnectedChangesNothing() {
        ConnectionView view = service.disconnect(ANA);

        assertThat(view.status()).isEqualTo(ConnectionStatus.NOT_CONNECTED);
        assertThat(google.revoked).isEmpty();
        assertThat(store.has(ANA.googleAccountId())).as("no row made").isFalse();
        assertThat(events.published()).isEmpty();
    }

    @Test
    void disconnectingTwiceAnnouncesOnce() {
        givenConnected("refresh-ana");
        service.disconnect(ANA);
        int saves = store.saves;

        ConnectionView again = service.disconnect(ANA);

        assertThat(again).isEqualTo(new ConnectionView(ConnectionStatus.NOT_CONNECTED, DisconnectReason.USER, null, null));
        assertThat(google.revoked).hasSize(1);
        assertThat(store.saves).isEqualTo(saves);
        assertThat(events.published()).hasSize(1);
    }

    @Test
    void disconnectingSomeoneRevokedLeavesThemRevoked() {
        store.given(new CalendarConnection(ANA.googleAccountId(), ANA.email(), ConnectionStatus.REVOKED, DisconnectReason.REVOKED, null,
                "cal-ana", CONNECTED_AT, CONNECTED_AT));

        ConnectionView view = service.disconnect(ANA);

        assertThat(view).isEqualTo(new ConnectionView(ConnectionStatus.REVOKED, DisconnectReason.REVOKED, null, null));
        assertThat(google.revoked).isEmpty();
        assertThat(events.published()).isEmpty();
    }

    private void givenConnected(String refreshToken) {
        store.given(new CalendarConnection(ANA.googleAccountId(), ANA.email(), ConnectionStatus.CONNECTED, null, vault.seal(refreshToken),
                "cal-ana", CONNECTED_AT, CONNECTED_AT));
    }
}

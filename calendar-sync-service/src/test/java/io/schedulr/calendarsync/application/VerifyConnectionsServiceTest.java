package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.ConnectionChange;
import io.schedulr.calendarsync.domain.ConnectionStatus;
import io.schedulr.calendarsync.domain.DisconnectReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The periodic check of every connected grant, with in-memory ports. */
class VerifyConnectionsServiceTest {
    private static final Instant NOW = Instant.parse("2031-03-04T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofHours(6);
    private static final Instant DUE = NOW.minus(INTERVAL).minusSeconds(60);

    private final FakeGoogle google = new FakeGoogle();
    private final FakeTokenVault vault = new FakeTokenVault();
    private final InMemoryConnectionStore store = new InMemoryConnectionStore();
    private final RecordingConnectionEvents events = new RecordingConnectionEvents();

    private final InMemoryTransactions transactions = new InMemoryTransactions(store, events);
    private VerifyConnectionsService service;

    @BeforeEach
    void wire() {
        google.transactionOpen = transactions::isOpen;
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        GoogleGrants grants = new GoogleGrants(google, vault, (room, person, operation, outcome) -> { }, store, events, clock);
        service = new VerifyConnectionsService(store, google, vault, grants, transactions, clock, INTERVAL);
    }

    @Test
    void aGrantThatStillWorksIsMarkedChecked() {
        givenConnected("ana", DUE);

        assertThat(service.verifyDue()).isEqualTo(1);

        assertThat(google.refreshed).containsExactly("refresh-ana");
        CalendarConnection row = store.row("ana");
        assertThat(row.status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(row.checkedAt()).isEqualTo(NOW);
        assertThat(events.published()).isEmpty();
    }

    @Test
    void invalidGrantMarksThePersonRevokedForgetsTheTokenAndAnnouncesIt() {
        givenConnected("ana", DUE);
        google.refreshFailures.put("refresh-ana", new GrantRevokedException("Google: Token has been expired or revoked."));

        service.verifyDue();

        CalendarConnection row = store.row("ana");
        assertThat(row.status()).isEqualTo(ConnectionStatus.REVOKED);
        assertThat(row.reason()).isEqualTo(DisconnectReason.REVOKED);
        assertThat(row.sealedRefreshToken()).isNull();
        assertThat(row.calendarId()).isEqualTo("cal-ana");
        assertThat(events.published()).containsExactly(
                new ConnectionChange("ana", "ana@example.com", ConnectionStatus.REVOKED, DisconnectReason.REVOKED, null));
    }

    @Test
    void anyOtherFailureLeavesThePersonConnectedUntilTheNextRound() {
        givenConnected("ana", DUE);
        google.refreshFailures.put("refresh-ana", new GoogleUnavailableException("refreshing failed: HTTP 503", null));

        service.verifyDue();

        CalendarConnection row = store.row("ana");
        assertThat(row.status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(vault.open(row.sealedRefreshToken())).isEqualTo("refresh-ana");
        assertThat(row.checkedAt()).as("not retried in a tight loop").isEqualTo(NOW);
        assertThat(events.published()).isEmpty();
    }

    @Test
    void oneFailingConnectionDoesNotStopTheOthers() {
        givenConnected("ana", DUE.minusSeconds(30));
        givenConnected("ben", DUE.minusSeconds(20));
        givenConnected("cem", DUE.minusSeconds(10));
        givenConnected("dia", DUE);
        google.refreshFailures.put("refresh-ana", new GoogleUnavailableException("HTTP 500", null));
        vault.unopenable.add(vault.seal("refresh-ben"));
        google.refreshFailures.put("refresh-cem", new GrantRevokedException("Google: Token has been expired or revoked."));

        assertThat(service.verifyDue()).isEqualTo(4);

        assertThat(google.refreshed).containsExactlyInAnyOrder("refresh-ana", "refresh-cem", "refresh-dia");
        assertThat(store.row("ana").status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(store.row("ben").status()).as("a token sealed with a key no longer configured is left alone")
                .isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(store.row("cem").status()).isEqualTo(ConnectionStatus.REVOKED);
        assertThat(store.row("dia").status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(store.row("dia").checkedAt()).isEqualTo(NOW);
        assertThat(events.published()).extracting(ConnectionChange::googleAccountId).containsExactly("cem");
    }

    @Test
    void grantsAreClaimedFirstThenRefreshedWithNoTransactionOpen() {
        givenConnected("ana", DUE);
        givenConnected("ben", DUE);
        List<Instant> checkedWhileAsking = new ArrayList<>();
        google.onRefresh = token -> checkedWhileAsking.add(store.row(token.substring("refresh-".length())).checkedAt());

        assertThat(service.verifyDue()).isEqualTo(2);

        assertThat(google.refreshesInsideTransaction).as("Google asked while rows are locked").isZero();
        assertThat(checkedWhileAsking).as("claimed before Google is asked, so another replica does not take them")
                .containsExactly(NOW, NOW);
    }

    @Test
    void aGrantRefusedAfterThePersonConnectedAgainLeavesTheNewConnectionAlone() {
        givenConnected("ana", DUE);
        google.refreshFailures.put("refresh-ana", new GrantRevokedException("Google: Token has been expired or revoked."));
        google.onRefresh = token -> store.given(new CalendarConnection("ana", "ana@example.com", ConnectionStatus.CONNECTED, null,
                vault.seal("refresh-ana-new"), "cal-ana", NOW, NOW));

        service.verifyDue();

        CalendarConnection row = store.row("ana");
        assertThat(row.status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(vault.open(row.sealedRefreshToken())).isEqualTo("refresh-ana-new");
        assertThat(events.published()).isEmpty();
    }

    @Test
    void onlyGrantsNotCheckedWithinTheIntervalAreChecked() {
        givenConnected("ana", DUE);
        givenConnected("ben", NOW.minus(Duration.ofHours(1)));
        store.given(new CalendarConnection("cem", "cem@example.com", ConnectionStatus.REVOKED, DisconnectReason.REVOKED, null, "cal-cem",
                DUE, DUE));

        assertThat(service.verifyDue()).isEqualTo(1);

        assertThat(google.refreshed).containsExactly("refresh-ana");
        assertThat(store.row("ben").checkedAt()).isEqualTo(NOW.minus(Duration.ofHours(1)));
    }

    @Test
    void nothingDueChecksNothing() {
        assertThat(service.verifyDue()).isZero();
        assertThat(google.refreshed).isEmpty();
    }

    private void givenConnected(String id, Instant checkedAt) {
        store.given(new CalendarConnection(id, id + "@example.com", ConnectionStatus.CONNECTED, null, vault.seal("refresh-" + id),
                "cal-" + id, checkedAt, checkedAt));
    }
}

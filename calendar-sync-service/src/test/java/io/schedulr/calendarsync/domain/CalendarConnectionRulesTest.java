package io.schedulr.calendarsync.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalendarConnectionRulesTest {
    private static final Instant NOW = Instant.parse("2031-03-04T10:00:00Z");

    @Test
    void someoneNewIsNotConnectedAndHoldsNothing() {
        CalendarConnection none = CalendarConnection.none("sub-1", "a@example.com");

        assertThat(none.isConnected()).isFalse();
        assertThat(none.status()).isEqualTo(ConnectionStatus.NOT_CONNECTED);
        assertThat(none.reason()).isNull();
        assertThat(none.sealedRefreshToken()).isNull();
        assertThat(none.calendarId()).isNull();
    }

    @Test
    void theAccountIdIsRequired() {
        assertThatThrownBy(() -> CalendarConnection.none(" ", "a@example.com")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("googleAccountId");
        assertThatThrownBy(() -> CalendarConnection.none(null, "a@example.com")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void connectingNeedsATokenAndACalendar() {
        CalendarConnection c = CalendarConnection.none("sub-1", "a@example.com");

        assertThatThrownBy(() -> c.connect(null, "cal", NOW)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sealedToken");
        assertThatThrownBy(() -> c.connect("sealed", " ", NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dedicatedCalendarId");
        assertThat(c.isConnected()).isFalse();
    }

    @Test
    void aConnectedRowWithoutTokenOrCalendarCannotBeBuilt() {
        assertThatThrownBy(() -> new CalendarConnection("sub-1", "a@example.com", ConnectionStatus.CONNECTED, null, null, "cal", NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CalendarConnection("sub-1", "a@example.com", ConnectionStatus.CONNECTED, null, "sealed", null, NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void connectingClearsTheReasonAndAnnouncesTheCalendar() {
        CalendarConnection c = CalendarConnection.none("sub-1", "a@example.com");
        c.scopesRefused();

        ConnectionChange change = c.connect("sealed", "cal-1", NOW);

        assertThat(change).isEqualTo(new ConnectionChange("sub-1", "a@example.com", ConnectionStatus.CONNECTED, null, "cal-1"));
        assertThat(c.reason()).isNull();
        assertThat(c.connectedAt()).isEqualTo(NOW);
        assertThat(c.checkedAt()).isEqualTo(NOW);
    }

    @Test
    void disconnectingForgetsTheTokenButKeepsTheCalendarId() {
        CalendarConnection c = connected();

        ConnectionChange change = c.disconnect();

        assertThat(c.status()).isEqualTo(ConnectionStatus.NOT_CONNECTED);
        assertThat(c.reason()).isEqualTo(DisconnectReason.USER);
        assertThat(c.sealedRefreshToken()).isNull();
        assertThat(c.calendarId()).isEqualTo("cal-1");
        assertThat(change).isEqualTo(new ConnectionChange("sub-1", "a@example.com", ConnectionStatus.NOT_CONNECTED, DisconnectReason.USER, null));
    }

    @Test
    void aRevokedGrantForgetsTheTokenButKeepsTheCalendarId() {
        CalendarConnection c = connected();

        ConnectionChange change = c.revoked();

        assertThat(c.status()).isEqualTo(ConnectionStatus.REVOKED);
        assertThat(c.reason()).isEqualTo(DisconnectReason.REVOKED);
        assertThat(c.sealedRefreshToken()).isNull();
        assertThat(c.calendarId()).isEqualTo("cal-1");
        assertThat(change.status()).isEqualTo(ConnectionStatus.REVOKED);
        assertThat(change.calendarId()).isNull();
    }

    @Test
    void aRefusedGrantRevokesOnlyWhileItIsStillTheTokenHeld() {
        CalendarConnection c = connected();

        assertThat(c.grantRefused("sealed-before-a-reconnect")).as("an answer about a token replaced meanwhile").isEmpty();
        assertThat(c.isConnected()).isTrue();
        assertThat(c.sealedRefreshToken()).isEqualTo("sealed");

        assertThat(c.grantRefused("sealed")).hasValueSatisfying(change -> assertThat(change.status()).isEqualTo(ConnectionStatus.REVOKED));
        assertThat(c.status()).isEqualTo(ConnectionStatus.REVOKED);
        assertThat(c.grantRefused(null)).as("nothing left to revoke").isEmpty();
    }

    @Test
    void aRefusedGrantOfSomeoneWhoDisconnectedChangesNothing() {
        CalendarConnection c = connected();
        c.disconnect();

        assertThat(c.grantRefused("sealed")).isEmpty();
        assertThat(c.reason()).isEqualTo(DisconnectReason.USER);
    }

    @Test
    void refusedScopesChangeNothingForSomeoneConnected() {
        CalendarConnection c = connected();

        assertThat(c.scopesRefused()).isEmpty();

        assertThat(c.isConnected()).isTrue();
        assertThat(c.reason()).isNull();
        assertThat(c.sealedRefreshToken()).isEqualTo("sealed");
    }

    @Test
    void refusedScopesTellSomeoneNotConnectedWhy() {
        CalendarConnection c = CalendarConnection.none("sub-1", "a@example.com");

        assertThat(c.scopesRefused()).contains(
                new ConnectionChange("sub-1", "a@example.com", ConnectionStatus.NOT_CONNECTED, DisconnectReason.SCOPES_MISSING, null));
        assertThat(c.sealedRefreshToken()).isNull();
    }

    @Test
    void aBlankAddressDoesNotReplaceTheKnownOne() {
        CalendarConnection c = connected();
        c.seenAs(" ");
        c.seenAs(null);
        assertThat(c.email()).isEqualTo("a@example.com");
        c.seenAs("new@example.com");
        assertThat(c.email()).isEqualTo("new@example.com");
    }

    private static CalendarConnection connected() {
        CalendarConnection c = CalendarConnection.none("sub-1", "a@example.com");
        c.connect("sealed", "cal-1", NOW);
        return c;
    }
}

package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.ConnectionRefusedException.Problem;
import io.schedulr.calendarsync.application.port.in.SignInUseCase.SignedIn;
import io.schedulr.calendarsync.application.port.out.GoogleAuthorization.GrantedTokens;
import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.ConnectionChange;
import io.schedulr.calendarsync.domain.ConnectionStatus;
import io.schedulr.calendarsync.domain.DisconnectReason;
import io.schedulr.calendarsync.domain.RequiredScopes;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signing in with in-memory ports: the pages allowed, the calendar asked for with the gate on and connected when granted. */
class SignInServiceTest {
    private static final String ALL_SCOPES = String.join(" ", RequiredScopes.requested());

    private final FakeGoogle google = new FakeGoogle();
    private final FakeDedicatedCalendars calendars = new FakeDedicatedCalendars();
    private final FakeTokenVault vault = new FakeTokenVault();
    private final InMemoryConnectionStore store = new InMemoryConnectionStore();
    private final RecordingConnectionEvents events = new RecordingConnectionEvents();
    private final ConnectCalendarService connect = new ConnectCalendarService(new FakeAuthorizationStates(), google, calendars, vault,
            store, events, new InMemoryTransactions(store, events), Clock.fixed(Instant.parse("2031-03-04T10:00:00Z"), ZoneOffset.UTC),
            Duration.ofMinutes(10));
    private final SignInService service = signIn(true);

    private SignInService signIn(boolean calendarRequired) {
        return new SignInService(google, List.of("http://localhost:8080/", "https://app.example/"), connect, calendarRequired);
    }

    @Test
    void aRegisteredPageGetsGooglesSignInUrlAndTheIdTokenForItsCode() {
        assertThat(service.signInUrl("https://app.example/", "state-0123456789abcdef", "challenge", null))
                .contains("redirect_uri=https://app.example/", "state=state-0123456789abcdef", "code_challenge=challenge");

        SignedIn signedIn = service.signIn("code-1", "verifier", "http://localhost:8080/", null);

        assertThat(signedIn.idToken()).isEqualTo("id-token-for-code-1");
        assertThat(signedIn.email()).isEqualTo("ada@example.com");
        assertThat(google.signIns).containsExactly(List.of("code-1", "verifier", "http://localhost:8080/"));
    }

    @Test
    void anyOtherPageIsRefusedBeforeGoogleIsAsked() {
        assertThatThrownBy(() -> service.signInUrl("https://evil.example/", "state-0123456789abcdef", "challenge", "ada@example.com"))
                .isInstanceOfSatisfying(ConnectionRefusedException.class, e -> assertThat(e.problem()).isEqualTo(Problem.REDIRECT_NOT_ALLOWED));
        assertThatThrownBy(() -> service.signIn("code-1", "verifier", "http://localhost:8080/other", null))
                .isInstanceOf(ConnectionRefusedException.class);
        assertThat(google.signIns).isEmpty();
    }

    @Test
    void withTheGateOnSigningInAsksForTheCalendarTooButARenewalWithoutAPageDoesNot() {
        service.signInUrl("https://app.example/", "state-0123456789abcdef", "challenge", null);
        service.signInUrl("https://app.example/", "state-0123456789abcdef", "challenge", "ada@example.com");
        signIn(false).signInUrl("https://app.example/", "state-0123456789abcdef", "challenge", null);

        assertThat(google.signInCalendarScopes).containsExactly(RequiredScopes.CALENDAR, List.of(), List.of());
    }

    @Test
    void aCalendarGrantedWithTheSignInIsConnectedAtOnceInTheZoneTheWebAppNamed() {
        google.signInGrant = new GrantedTokens("sub-ada", "ada@example.com", "access-ada", "refresh-ada", ALL_SCOPES);

        service.signIn("code-1", "verifier", "http://localhost:8080/", "Europe/Berlin");

        assertThat(store.row("sub-ada").status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(vault.sealed).isEqualTo(1);
        assertThat(calendars.calls).containsExactly(new FakeDedicatedCalendars.Call("access-ada", null, "Europe/Berlin"));
        assertThat(events.published()).extracting(ConnectionChange::status).containsExactly(ConnectionStatus.CONNECTED);
    }

    @Test
    void aCalendarBoxUntickedLeavesTheCalendarToTheGateWithTheReasonAndTheSignInStands() {
        google.signInGrant = new GrantedTokens("sub-ada", "ada@example.com", "access-ada", "refresh-ada",
                ALL_SCOPES.replace(" https://www.googleapis.com/auth/calendar.freebusy", ""));

        assertThat(service.signIn("code-1", "verifier", "http://localhost:8080/", "UTC").idToken()).isEqualTo("id-token-for-code-1");

        CalendarConnection row = store.row("sub-ada");
        assertThat(row.status()).isEqualTo(ConnectionStatus.NOT_CONNECTED);
        assertThat(row.reason()).as("the gate says why it asks").isEqualTo(DisconnectReason.SCOPES_MISSING);
        assertThat(row.sealedRefreshToken()).isNull();
        assertThat(vault.sealed).isZero();
        assertThat(calendars.calls).isEmpty();
        assertThat(events.published()).containsExactly(
                new ConnectionChange("sub-ada", "ada@example.com", ConnectionStatus.NOT_CONNECTED, DisconnectReason.SCOPES_MISSING, null));
    }

    @Test
    void noLastingAccessChangesNothingAndTheSignInStands() {
        google.signInGrant = new GrantedTokens("sub-ada", "ada@example.com", "access-ada", null, ALL_SCOPES);

        assertThat(service.signIn("code-1", "verifier", "http://localhost:8080/", "UTC").idToken()).isEqualTo("id-token-for-code-1");

        assertThat(store.find("sub-ada")).as("nothing stored, nothing announced: the gate asks").isEmpty();
        assertThat(calendars.calls).isEmpty();
        assertThat(events.published()).isEmpty();
    }

    @Test
    void aRenewalWithoutAPageLeavesSomeoneRevokedAsTheyWere() {
        store.given(new CalendarConnection("sub-ada", "ada@example.com", ConnectionStatus.REVOKED, DisconnectReason.REVOKED, null,
                "cal-ada", null, null));
        // What Google answers a renewal (prompt=none): the sign-in scopes only, no refresh token.
        google.signInGrant = new GrantedTokens("sub-ada", "ada@example.com", "access-ada", null, "openid email profile");

        service.signIn("code-1", "verifier", "http://localhost:8080/", "UTC");

        assertThat(store.row("sub-ada").reason()).as("still revoked, not 'a box unticked'").isEqualTo(DisconnectReason.REVOKED);
        assertThat(events.published()).isEmpty();
    }

    @Test
    void aConnectionThatFailsAtSignInNeverFailsTheSignIn() {
        google.signInGrant = new GrantedTokens("sub-ada", "ada@example.com", "access-ada", "refresh-ada", ALL_SCOPES);
        calendars.accessWithdrawn = true;

        assertThat(service.signIn("code-1", "verifier", "http://localhost:8080/", null).idToken()).isEqualTo("id-token-for-code-1");

        assertThat(store.find("sub-ada").filter(c -> c.isConnected())).isEmpty();
        assertThat(calendars.calls).extracting(FakeDedicatedCalendars.Call::timeZone).containsExactly("UTC");
    }

    @Test
    void withTheGateOffNothingIsConnectedEvenWhenGoogleGrantedIt() {
        google.signInGrant = new GrantedTokens("sub-ada", "ada@example.com", "access-ada", "refresh-ada", ALL_SCOPES);

        signIn(false).signIn("code-1", "verifier", "http://localhost:8080/", null);

        assertThat(store.find("sub-ada")).isEmpty();
    }
}

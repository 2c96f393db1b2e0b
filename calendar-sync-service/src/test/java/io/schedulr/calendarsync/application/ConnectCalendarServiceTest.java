package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.ConnectionRefusedException.Problem;
import io.schedulr.calendarsync.application.port.out.GoogleAuthorization.GrantedTokens;
import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.ConnectionChange;
import io.schedulr.calendarsync.domain.ConnectionStatus;
import io.schedulr.calendarsync.domain.DisconnectReason;
import io.schedulr.calendarsync.domain.RequiredScopes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting and completing a connection with in-memory ports: what is stored, announced and refused. */
class ConnectCalendarServiceTest {
    private static final Instant NOW = Instant.parse("2031-03-04T10:00:00Z");
    private static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    private static final String ALL_SCOPES = String.join(" ", RequiredScopes.requested());
    private static final Person ANA = new Person("sub-ana", "ana@example.com", "Europe/Berlin");
    private static final Person BEN = new Person("sub-ben", "ben@example.com", "UTC");

    private final FakeAuthorizationStates states = new FakeAuthorizationStates();
    private final FakeGoogle google = new FakeGoogle();
    private final FakeDedicatedCalendars calendars = new FakeDedicatedCalendars();
    private final FakeTokenVault vault = new FakeTokenVault();
    private final InMemoryConnectionStore store = new InMemoryConnectionStore();
    private final RecordingConnectionEvents events = new RecordingConnectionEvents();

    private final InMemoryTransactions transactions = new InMemoryTransactions(store, events);
    private final InMemoryMirrorJobs rooms = new InMemoryMirrorJobs(store);
    private final InMemoryInterviewMirrors interviews = new InMemoryInterviewMirrors(store);
    private ConnectCalendarService service;

    @BeforeEach
    void wire() {
        calendars.transactionOpen = transactions::isOpen;
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        InMemoryRoomMirrors audit = new InMemoryRoomMirrors();
        GoogleGrants grants = new GoogleGrants(google, vault, audit, store, events, clock);
        GoneCalendars gone = new GoneCalendars(store, calendars, grants, events, rooms, interviews, new InMemoryChannels(store), audit, clock);
        service = new ConnectCalendarService(states, google, calendars, vault, store, events, transactions, clock, STATE_LIFETIME, gone);
    }

    @Test
    void startAsksForEveryScopeWithAStateBoundToThePersonAndTheS256ChallengeOfItsVerifier() {
        String url = service.start(ANA);

        assertThat(google.consents).hasSize(1);
        FakeGoogle.ConsentRequest consent = google.consents.get(0);
        assertThat(url).contains(consent.state());
        FakeAuthorizationStates.Issued issued = states.issued.get(consent.state());
        assertThat(issued).as("the state in the URL is one we issued").isNotNull();
        assertThat(issued.googleAccountId()).isEqualTo(ANA.googleAccountId());
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(STATE_LIFETIME));
        assertThat(consent.loginHint()).isEqualTo(ANA.email());
        assertThat(consent.scopes()).containsExactlyElementsOf(RequiredScopes.requested());
        // RFC 7636: verifier of 43..128 unreserved characters; challenge = BASE64URL(SHA-256(verifier)) without padding
        assertThat(issued.codeVerifier()).matches("[A-Za-z0-9._~-]{43,128}");
        assertThat(consent.codeChallenge()).isEqualTo(s256(issued.codeVerifier())).doesNotContain("=").isNotEqualTo(issued.codeVerifier());
        assertThat(url).doesNotContain(issued.codeVerifier());
    }

    @Test
    void eachStartHasItsOwnStateAndVerifier() {
        service.start(ANA);
        service.start(ANA);

        assertThat(google.consents).extracting(FakeGoogle.ConsentRequest::state).doesNotHaveDuplicates();
        assertThat(states.issued.values()).extracting(FakeAuthorizationStates.Issued::codeVerifier).doesNotHaveDuplicates();
    }

    @Test
    void aMissingStateIsRefusedBeforeAnythingElse() {
        assertRefused(() -> service.complete("code", null, null, null), Problem.INVALID_STATE);
        assertRefused(() -> service.complete("code", "  ", null, ANA.googleAccountId()), Problem.INVALID_STATE);
        assertNothingHappened(ANA);
    }

    @Test
    void anUnknownStateIsRefused() {
        assertRefused(() -> service.complete("code", "state-that-we-never-issued", null, null), Problem.INVALID_STATE);
        assertNothingHappened(ANA);
    }

    @Test
    void aStateStartedByAnotherSignedInPersonIsRefusedAndUsedUp() {
        String state = stateOf(ANA);
        google.grant = tokensFor(ANA, "refresh-ana", ALL_SCOPES);

        assertRefused(() -> service.complete("code", state, null, BEN.googleAccountId()), Problem.INVALID_STATE);

        assertNothingHappened(ANA);
        assertThat(store.has(BEN.googleAccountId())).isFalse();
        assertRefused(() -> service.complete("code", state, null, ANA.googleAccountId()), Problem.INVALID_STATE);
    }

    @Test
    void googleReportingARefusedConsentIsConsentDenied() {
        String state = stateOf(ANA);

        ConnectionRefusedException refused = assertRefused(() -> service.complete(null, state, "access_denied", null), Problem.CONSENT_DENIED);

        assertThat(refused.getMessage()).contains("access_denied");
        assertNothingHappened(ANA);
    }

    @Test
    void anErrorThatIsNotAnOAuthErrorCodeIsNotRepeatedInTheRefusal() {
        String injected = "access_denied\r\n12:00:00 INFO forged log line";
        String huge = "e".repeat(7_000);

        ConnectionRefusedException withLines = assertRefused(() -> service.complete(null, stateOf(ANA), injected, null), Problem.CONSENT_DENIED);
        ConnectionRefusedException withBulk = assertRefused(() -> service.complete(null, stateOf(ANA), huge, null), Problem.CONSENT_DENIED);

        assertThat(withLines.getMessage()).doesNotContain("\n", "\r", "forged");
        assertThat(withBulk.getMessage()).hasSizeLessThan(200);
        assertNothingHappened(ANA);
    }

    @Test
    void aMissingCodeIsRefused() {
        assertRefused(() -> service.complete(null, stateOf(ANA), null, null), Problem.INVALID_CODE);
        assertRefused(() -> service.complete(" ", stateOf(ANA), null, ANA.googleAccountId()), Problem.INVALID_CODE);
        assertNothingHappened(ANA);
    }

    @Test
    void theCodeIsExchangedWithTheVerifierOfItsState() {
        String state = stateOf(ANA);
        String verifier = states.issued.get(state).codeVerifier();
        google.grant = tokensFor(ANA, "refresh-ana", ALL_SCOPES);

        service.complete("the-code", state, null, null);

        assertThat(google.exchanges).containsExactly(new FakeGoogle.Exchange("the-code", verifier));
    }

    @Test
    void accessGrantedByAnotherGoogleAccountIsRefusedAndNothingIsStored() {
        String state = stateOf(ANA);
        google.grant = tokensFor(BEN, "refresh-ben", ALL_SCOPES);

        assertRefused(() -> service.complete("code", state, null, null), Problem.ACCOUNT_MISMATCH);

        assertThat(store.has(ANA.googleAccountId())).isFalse();
        assertThat(store.has(BEN.googleAccountId())).isFalse();
        assertThat(events.published()).isEmpty();
        assertThat(vault.sealed).isZero();
        assertThat(calendars.calls).isEmpty();
    }

    @Test
    void aMissingCalendarScopeStoresNoTokenAndTellsSomeoneNotConnectedWhy() {
        String freebusy = "https://www.googleapis.com/auth/calendar.freebusy";
        google.grant = tokensFor(ANA, "refresh-ana", ALL_SCOPES.replace(freebusy, ""));

        ConnectionRefusedException refused = assertRefused(() -> service.complete("code", stateOf(ANA), null, null), Problem.SCOPES_MISSING);

        assertThat(refused.missingScopes()).containsExactly(freebusy);
        assertThat(refused.getMessage()).contains(freebusy);
        CalendarConnection row = store.row(ANA.googleAccountId());
        assertThat(row.status()).isEqualTo(ConnectionStatus.NOT_CONNECTED);
        assertThat(row.reason()).isEqualTo(DisconnectReason.SCOPES_MISSING);
        assertThat(row.sealedRefreshToken()).isNull();
        assertThat(row.calendarId()).isNull();
        assertThat(vault.sealed).as("the refresh token is not even sealed").isZero();
        assertThat(calendars.calls).as("no calendar is made").isEmpty();
        assertThat(events.published()).containsExactly(
                new ConnectionChange(ANA.googleAccountId(), ANA.email(), ConnectionStatus.NOT_CONNECTED, DisconnectReason.SCOPES_MISSING, null));
    }

    @Test
    void aMissingCalendarScopeLeavesSomeoneAlreadyConnectedAsTheyWereAndAnnouncesNothing() {
        connect(ANA, "refresh-ana");
        CalendarConnection before = store.row(ANA.googleAccountId());
        int announced = events.published().size();
        google.grant = tokensFor(ANA, "refresh-ana-2", "openid email profile https://www.googleapis.com/auth/calendar.readonly");

        ConnectionRefusedException refused = assertRefused(() -> service.complete("code", stateOf(ANA), null, null), Problem.SCOPES_MISSING);

        assertThat(refused.missingScopes()).containsExactly("https://www.googleapis.com/auth/calendar",
                "https://www.googleapis.com/auth/calendar.freebusy");
        CalendarConnection after = store.row(ANA.googleAccountId());
        assertThat(after.status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(after.sealedRefreshToken()).isEqualTo(before.sealedRefreshToken());
        assertThat(after.calendarId()).isEqualTo(before.calendarId());
        assertThat(after.reason()).isNull();
        assertThat(events.published()).hasSize(announced);
    }

    @Test
    void noRefreshTokenForSomeoneNotConnectedIsNoOfflineAccessAndNothingIsStored() {
        google.grant = tokensFor(ANA, null, ALL_SCOPES);

        assertRefused(() -> service.complete("code", stateOf(ANA), null, null), Problem.NO_OFFLINE_ACCESS);

        assertThat(store.has(ANA.googleAccountId())).isFalse();
        assertThat(events.published()).isEmpty();
        assertThat(calendars.calls).isEmpty();
    }

    @Test
    void accessWithdrawnWhileConnectingIsRefusedAndNothingIsStored() {
        google.grant = tokensFor(ANA, "refresh-ana", ALL_SCOPES);
        calendars.accessWithdrawn = true;

        assertRefused(() -> service.complete("code", stateOf(ANA), null, ANA.googleAccountId()), Problem.ACCESS_WITHDRAWN);

        assertThat(store.has(ANA.googleAccountId())).isFalse();
        assertThat(events.published()).isEmpty();
    }

    @Test
    void noRefreshTokenForSomeoneRevokedIsNoOfflineAccessToo() {
        store.given(new CalendarConnection(ANA.googleAccountId(), ANA.email(), ConnectionStatus.REVOKED, DisconnectReason.REVOKED, null,
                "cal-ana", NOW.minusSeconds(9000), NOW.minusSeconds(3000)));
        google.grant = tokensFor(ANA, null, ALL_SCOPES);

        assertRefused(() -> service.complete("code", stateOf(ANA), null, null), Problem.NO_OFFLINE_ACCESS);

        assertThat(store.row(ANA.googleAccountId()).status()).isEqualTo(ConnectionStatus.REVOKED);
        assertThat(events.published()).isEmpty();
    }

    @Test
    void connectingSealsTheTokenMakesTheCalendarAndAnnouncesTheChangeOnce() {
        String state = stateOf(ANA);
        google.grant = tokensFor(ANA, "refresh-ana", ALL_SCOPES);

        ConnectionView view = service.complete("code", state, null, ANA.googleAccountId());

        CalendarConnection row = store.row(ANA.googleAccountId());
        assertThat(row.status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(row.sealedRefreshToken()).isNotEqualTo("refresh-ana").doesNotContain("refresh-ana");
        assertThat(vault.open(row.sealedRefreshToken())).isEqualTo("refresh-ana");
        assertThat(calendars.calls).as("made in the person's time zone").containsExactly(
                new FakeDedicatedCalendars.Call("access-" + ANA.googleAccountId(), null, "Europe/Berlin"));
        assertThat(row.calendarId()).isEqualTo(view.calendarId()).isNotNull();
        assertThat(row.connectedAt()).isEqualTo(NOW);
        assertThat(view).isEqualTo(new ConnectionView(ConnectionStatus.CONNECTED, null, row.calendarId(), NOW));
        assertThat(events.published()).containsExactly(
                new ConnectionChange(ANA.googleAccountId(), ANA.email(), ConnectionStatus.CONNECTED, null, row.calendarId()));
    }

    @Test
    void theDedicatedCalendarIsFoundOrMadeWithNoTransactionOpen() {
        connect(ANA, "refresh-ana");
        connect(ANA, "refresh-ana-2");

        assertThat(calendars.calls).hasSize(2);
        assertThat(calendars.callsInsideTransaction).as("Google asked while a database connection and the person's row are held")
                .isZero();
    }

    @Test
    void aConnectionCompletedMeanwhileKeepsTheCalendarItChose() {
        google.grant = tokensFor(ANA, "refresh-ana-2", ALL_SCOPES);
        String state = stateOf(ANA);
        calendars.meanwhile = () -> store.given(new CalendarConnection(ANA.googleAccountId(), ANA.email(), ConnectionStatus.CONNECTED,
                null, vault.seal("refresh-ana-1"), "cal-ana-other-tab", NOW, NOW));

        ConnectionView view = service.complete("code", state, null, ANA.googleAccountId());

        assertThat(view.calendarId()).isEqualTo("cal-ana-other-tab");
        CalendarConnection row = store.row(ANA.googleAccountId());
        assertThat(row.calendarId()).isEqualTo("cal-ana-other-tab");
        assertThat(vault.open(row.sealedRefreshToken())).as("the latest consent's grant").isEqualTo("refresh-ana-2");
        assertThat(events.published()).singleElement().extracting(ConnectionChange::calendarId).isEqualTo("cal-ana-other-tab");
    }

    @Test
    void aDisconnectMeanwhileLeavesAReconnectWithoutANewRefreshTokenRefused() {
        connect(ANA, "refresh-ana");
        google.grant = tokensFor(ANA, null, ALL_SCOPES);
        String state = stateOf(ANA);
        calendars.meanwhile = () -> {
            CalendarConnection row = store.row(ANA.googleAccountId());
            row.disconnect();
            store.save(row);
        };

        assertRefused(() -> service.complete("code", state, null, null), Problem.NO_OFFLINE_ACCESS);

        assertThat(store.row(ANA.googleAccountId()).status()).isEqualTo(ConnectionStatus.NOT_CONNECTED);
        assertThat(events.published()).as("only the first connection").hasSize(1);
    }

    @Test
    void theCalendarAlreadyKnownIsHandedToTheCalendarsSoItIsFoundAgain() {
        store.given(new CalendarConnection(ANA.googleAccountId(), ANA.email(), ConnectionStatus.NOT_CONNECTED, DisconnectReason.USER, null,
                "cal-ana-kept", NOW.minusSeconds(9000), NOW.minusSeconds(3000)));
        google.grant = tokensFor(ANA, "refresh-ana", ALL_SCOPES);

        ConnectionView view = service.complete("code", stateOf(ANA), null, null);

        assertThat(calendars.calls).extracting(FakeDedicatedCalendars.Call::knownCalendarId).containsExactly("cal-ana-kept");
        assertThat(view.calendarId()).isEqualTo("cal-ana-kept");
        assertThat(events.published()).singleElement().extracting(ConnectionChange::calendarId).isEqualTo("cal-ana-kept");
    }

    @Test
    void reconnectingAfterTheCalendarWasDeletedInGoogleQueuesTheirSessionsAndInterviewsForTheNewOne() {
        store.given(new CalendarConnection(ANA.googleAccountId(), ANA.email(), ConnectionStatus.NOT_CONNECTED, DisconnectReason.USER, null,
                "cal-ana-deleted", NOW.minusSeconds(9000), NOW.minusSeconds(3000)));
        calendars.deletedInGoogle.add("cal-ana-deleted");
        google.grant = tokensFor(ANA, "refresh-ana", ALL_SCOPES);

        ConnectionView view = service.complete("code", stateOf(ANA), null, null);

        assertThat(view.calendarId()).isNotEqualTo("cal-ana-deleted");
        assertThat(rooms.requeuedOnto).containsExactly(ANA.googleAccountId() + " → " + view.calendarId());
        assertThat(interviews.requeuedOnto).containsExactly(ANA.googleAccountId() + " → " + view.calendarId());
    }

    @Test
    void reconnectingToTheSameCalendarQueuesNothingAgain() {
        connect(ANA, "refresh-ana");
        connect(ANA, "refresh-ana-2");

        assertThat(rooms.requeuedOnto).isEmpty();
        assertThat(interviews.requeuedOnto).isEmpty();
    }

    @Test
    void reconnectingWithoutANewRefreshTokenKeepsTheSealedOne() {
        connect(ANA, "refresh-ana");
        String sealed = store.row(ANA.googleAccountId()).sealedRefreshToken();
        String calendar = store.row(ANA.googleAccountId()).calendarId();
        google.grant = tokensFor(ANA, null, ALL_SCOPES);

        ConnectionView view = service.complete("code", stateOf(ANA), null, null);

        assertThat(view.status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(store.row(ANA.googleAccountId()).sealedRefreshToken()).isEqualTo(sealed);
        assertThat(view.calendarId()).isEqualTo(calendar);
        assertThat(events.published()).hasSize(2);
    }

    @Test
    void reconnectingWithANewRefreshTokenReplacesTheSealedOne() {
        connect(ANA, "refresh-ana");
        connect(ANA, "refresh-ana-2");

        assertThat(vault.open(store.row(ANA.googleAccountId()).sealedRefreshToken())).isEqualTo("refresh-ana-2");
        assertThat(calendars.calls).extracting(FakeDedicatedCalendars.Call::knownCalendarId)
                .containsExactly(null, store.row(ANA.googleAccountId()).calendarId());
    }

    @Test
    void theAddressGoogleReportsReplacesAnOldOne() {
        store.given(CalendarConnection.none(ANA.googleAccountId(), "old@example.com"));
        google.grant = new GrantedTokens(ANA.googleAccountId(), "new@example.com", "access", "refresh", ALL_SCOPES);

        service.complete("code", stateOf(ANA), null, null);

        assertThat(store.row(ANA.googleAccountId()).email()).isEqualTo("new@example.com");
        assertThat(events.published()).singleElement().extracting(ConnectionChange::email).isEqualTo("new@example.com");
    }

    @Test
    void aCalendarThatCannotBeMadeLeavesNoHalfConnection() {
        String state = stateOf(ANA);
        google.grant = tokensFor(ANA, "refresh-ana", ALL_SCOPES);
        var failing = new ConnectCalendarService(states, google, (token, known, zone) -> {
            throw new GoogleUnavailableException("Google is down", null);
        }, vault, store, events, new InMemoryTransactions(store, events), Clock.fixed(NOW, ZoneOffset.UTC), STATE_LIFETIME);

        assertThatThrownBy(() -> failing.complete("code", state, null, null)).isInstanceOf(GoogleUnavailableException.class);

        assertThat(store.has(ANA.googleAccountId())).isFalse();
        assertThat(events.published()).isEmpty();
    }

    private void connect(Person person, String refreshToken) {
        google.grant = tokensFor(person, refreshToken, ALL_SCOPES);
        service.complete("code", stateOf(person), null, person.googleAccountId());
    }

    private String stateOf(Person person) {
        return states.issue(person.googleAccountId(), person.timeZone(), "verifier-" + person.googleAccountId() + "-" + states.issued.size(), NOW.plusSeconds(60));
    }

    private static GrantedTokens tokensFor(Person person, String refreshToken, String scope) {
        return new GrantedTokens(person.googleAccountId(), person.email(), "access-" + person.googleAccountId(), refreshToken, scope);
    }

    private void assertNothingHappened(Person person) {
        assertThat(google.exchanges).as("no code exchanged").isEmpty();
        assertThat(store.has(person.googleAccountId())).as("nothing stored").isFalse();
        assertThat(events.published()).as("nothing announced").isEmpty();
    }

    private static ConnectionRefusedException assertRefused(Runnable call, Problem problem) {
        ConnectionRefusedException refused;
        try {
            call.run();
            throw new AssertionError("expected a refusal with " + problem);
        } catch (ConnectionRefusedException e) {
            refused = e;
        }
        assertThat(refused.problem()).as(refused.getMessage()).isEqualTo(problem);
        assertThat(refused.getMessage()).isNotBlank();
        return refused;
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.ConnectionRefusedException.Problem;
import io.schedulr.calendarsync.application.port.in.CompleteConnectionUseCase;
import io.schedulr.calendarsync.application.port.in.ConnectGrantedCalendarUseCase;
import io.schedulr.calendarsync.application.port.in.StartConnectionUseCase;
import io.schedulr.calendarsync.application.port.out.AuthorizationStates;
import io.schedulr.calendarsync.application.port.out.AuthorizationStates.PendingAuthorization;
import io.schedulr.calendarsync.application.port.out.ConnectionEvents;
import io.schedulr.calendarsync.application.port.out.ConnectionStore;
import io.schedulr.calendarsync.application.port.out.DedicatedCalendars;
import io.schedulr.calendarsync.application.port.out.GoogleAuthorization;
import io.schedulr.calendarsync.application.port.out.GoogleAuthorization.GrantedTokens;
import io.schedulr.calendarsync.application.port.out.TokenVault;
import io.schedulr.calendarsync.application.port.out.Transactions;
import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.RequiredScopes;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Connecting a Google Calendar: the consent URL, then the callback — the code exchanged, every Calendar scope checked,
 * the one dedicated calendar found or made, then the refresh token sealed and stored and the change announced, all or
 * nothing. A calendar granted on the sign-in's own consent screen is connected the same way.
 */
public class ConnectCalendarService implements StartConnectionUseCase, CompleteConnectionUseCase, ConnectGrantedCalendarUseCase {
    private static final System.Logger LOG = System.getLogger(ConnectCalendarService.class.getName());
    private static final Pattern OAUTH_ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final AuthorizationStates states;
    private final GoogleAuthorization google;
    private final DedicatedCalendars calendars;
    private final TokenVault vault;
    private final ConnectionStore store;
    private final ConnectionEvents events;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration stateLifetime;
    private final GoneCalendars goneCalendars;

    public ConnectCalendarService(AuthorizationStates states, GoogleAuthorization google, DedicatedCalendars calendars, TokenVault vault,
                                  ConnectionStore store, ConnectionEvents events, Transactions transactions, Clock clock,
                                  Duration stateLifetime) {
        this(states, google, calendars, vault, store, events, transactions, clock, stateLifetime, null);
    }

    /**
     * @param goneCalendars queues a person's rooms and interviews for their new dedicated calendar when connecting again
     *                      finds another one than before (the earlier one deleted in Google); null: nothing is queued
     */
    public ConnectCalendarService(AuthorizationStates states, GoogleAuthorization google, DedicatedCalendars calendars, TokenVault vault,
                                  ConnectionStore store, ConnectionEvents events, Transactions transactions, Clock clock,
                                  Duration stateLifetime, GoneCalendars goneCalendars) {
        this.goneCalendars = goneCalendars;
        this.states = states;
        this.google = google;
        this.calendars = calendars;
        this.vault = vault;
        this.store = store;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.stateLifetime = stateLifetime;
    }

    @Override
    public String start(Person person) {
        Pkce pkce = Pkce.create();
        String state = states.issue(person.googleAccountId(), person.timeZone(), pkce.verifier(), clock.instant().plus(stateLifetime));
        return google.consentUrl(person.email(), state, pkce.challenge(), RequiredScopes.requested());
    }

    @Override
    public ConnectionView complete(String code, String state, String googleError, String signedInAccount) {
        if (state == null || state.isBlank()) {
            throw new ConnectionRefusedException(Problem.INVALID_STATE, "'state' is required.");
        }
        PendingAuthorization pending = states.consume(state, clock.instant());
        if (signedInAccount != null && !signedInAccount.equals(pending.googleAccountId())) {
            throw new ConnectionRefusedException(Problem.INVALID_STATE, "This 'state' belongs to another person's connection attempt.");
        }
        if (googleError != null && !googleError.isBlank()) {
            throw new ConnectionRefusedException(Problem.CONSENT_DENIED,
                    "Google did not grant access" + errorCode(googleError) + "; connect again and allow access to your calendar.");
        }
        if (code == null || code.isBlank()) {
            throw new ConnectionRefusedException(Problem.INVALID_CODE, "'code' is required.");
        }
        GrantedTokens tokens = google.exchange(code, pending.codeVerifier());
        if (tokens.googleAccountId() != null && !tokens.googleAccountId().equals(pending.googleAccountId())) {
            throw new ConnectionRefusedException(Problem.ACCOUNT_MISMATCH,
                    "Access was granted by another Google account than the one you signed in with.");
        }
        List<String> missing = RequiredScopes.missingFrom(tokens.scope());
        if (!missing.isEmpty()) {
            recordScopesRefused(pending.googleAccountId(), tokens.email());
            throw new ConnectionRefusedException(Problem.SCOPES_MISSING,
                    "Schedulr needs access to your Google Calendar; these permissions were not granted: " + String.join(", ", missing),
                    missing);
        }
        return connect(pending, tokens);
    }

    @Override
    public Optional<ConnectionView> connectGranted(GrantedTokens granted, String timeZone) {
        // Without a refresh token Google showed no consent screen asking for the calendar (a renewal without a page asks
        // for the sign-in scopes only; someone who granted everything before is not asked again): nothing to connect, and
        // nothing was refused either.
        if (granted.googleAccountId() == null || granted.refreshToken() == null) {
            return Optional.empty();
        }
        if (!RequiredScopes.missingFrom(granted.scope()).isEmpty()) {
            // Said as the callback says it, so that the gate can tell the person why it asks.
            recordScopesRefused(granted.googleAccountId(), granted.email());
            return Optional.empty();
        }
        return Optional.of(connect(new PendingAuthorization(granted.googleAccountId(), timeZone, null), granted));
    }

    /** Someone not connected unticked a Calendar scope: kept as the reason, and announced once; someone connected stays so. */
    private void recordScopesRefused(String googleAccountId, String email) {
        transactions.inTransaction(() -> {
            CalendarConnection connection = store.lock(googleAccountId, email);
            connection.scopesRefused().ifPresent(change -> {
                store.save(connection);
                events.publish(change);
            });
            return null;
        });
    }

    /**
     * Google's {@code error} as it comes back on the public redirect, repeated only when it looks like an OAuth error code
     * ({@code access_denied}, …): anyone can put any text there, and the message is answered and logged.
     */
    private static String errorCode(String googleError) {
        return OAUTH_ERROR_CODE.matcher(googleError).matches() ? " (" + googleError + ")" : "";
    }

    /**
     * The dedicated calendar is found or made before the person's row is locked, with no transaction open: a slow Google
     * then holds no database connection that other people's requests wait for. Two connections of one person completing
     * at the same moment may each find no calendar and make one; the first to commit wins, the other's is left unused
     * (logged).
     */
    private ConnectionView connect(PendingAuthorization pending, GrantedTokens tokens) {
        Optional<CalendarConnection> before = store.find(pending.googleAccountId());
        if (tokens.refreshToken() == null && !before.map(CalendarConnection::isConnected).orElse(false)) {
            throw noOfflineAccess();
        }
        String knownCalendarId = before.map(CalendarConnection::calendarId).orElse(null);
        String ensuredCalendarId;
        try {
            ensuredCalendarId = calendars.ensure(tokens.accessToken(), knownCalendarId, pending.timeZone());
        } catch (GrantRevokedException e) {
            throw new ConnectionRefusedException(Problem.ACCESS_WITHDRAWN,
                    "Google withdrew the access before the calendar was connected (disconnected at the same moment?); start connecting again.");
        }
        return transactions.inTransaction(() -> record(pending, tokens, knownCalendarId, ensuredCalendarId));
    }

    private ConnectionView record(PendingAuthorization pending, GrantedTokens tokens, String knownCalendarId, String ensuredCalendarId) {
        CalendarConnection connection = store.lock(pending.googleAccountId(), tokens.email());
        connection.seenAs(tokens.email());
        String sealed;
        if (tokens.refreshToken() != null) {
            sealed = vault.seal(tokens.refreshToken());
        } else if (connection.isConnected()) {
            sealed = connection.sealedRefreshToken();
        } else {
            throw noOfflineAccess();
        }
        String calendarId = ensuredCalendarId;
        if (connection.calendarId() != null && !Objects.equals(connection.calendarId(), knownCalendarId)) {
            calendarId = connection.calendarId();
            LOG.log(Level.WARNING, "calendar of " + pending.googleAccountId() + ": connected at the same moment with calendar " + calendarId
                    + ", which stays; the calendar " + ensuredCalendarId + " this attempt found or made is not used");
        }
        String before = connection.calendarId();
        var change = connection.connect(sealed, calendarId, clock.instant());
        store.save(connection);
        events.publish(change);
        if (goneCalendars != null && before != null && !before.equals(calendarId)) {
            goneCalendars.reconnectedTo(pending.googleAccountId(), calendarId);
        }
        return ConnectionView.of(connection);
    }

    private static ConnectionRefusedException noOfflineAccess() {
        return new ConnectionRefusedException(Problem.NO_OFFLINE_ACCESS,
                "Google gave no lasting access; connect again and accept the consent screen.");
    }
}

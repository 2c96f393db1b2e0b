package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.ConnectionRefusedException.Problem;
import io.schedulr.calendarsync.application.port.in.ConnectGrantedCalendarUseCase;
import io.schedulr.calendarsync.application.port.in.SignInUseCase;
import io.schedulr.calendarsync.application.port.out.GoogleAuthorization;
import io.schedulr.calendarsync.domain.RequiredScopes;

import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Google sign-in for the web app's pages only: a redirect anywhere else is refused before Google is asked. With the
 * calendar gate on, the sign-in page also asks for the Calendar scopes, and a calendar granted there is connected at once
 * (PRD: Calendar access is granted at sign-up); a connection that cannot be made then never fails the sign-in — the gate
 * asks for it afterwards.
 */
public class SignInService implements SignInUseCase {
    private static final System.Logger LOG = System.getLogger(SignInService.class.getName());

    private final GoogleAuthorization google;
    private final List<String> allowedRedirects;
    private final ConnectGrantedCalendarUseCase calendars;
    private final boolean calendarRequired;

    /** @param calendarRequired the calendar gate ({@code SCHEDULR_CALENDAR_REQUIRED}); off, sign-in asks for nothing more */
    public SignInService(GoogleAuthorization google, List<String> allowedRedirects, ConnectGrantedCalendarUseCase calendars,
                         boolean calendarRequired) {
        this.google = google;
        this.allowedRedirects = List.copyOf(allowedRedirects);
        this.calendars = calendars;
        this.calendarRequired = calendarRequired;
    }

    @Override
    public String signInUrl(String redirectUri, String state, String codeChallenge, String silentFor) {
        requireAllowed(redirectUri);
        // A renewal without a page asks for what was granted before and nothing more: Google would need the person.
        List<String> calendarScopes = calendarRequired && silentFor == null ? RequiredScopes.CALENDAR : List.of();
        return google.signInUrl(redirectUri, state, codeChallenge, silentFor, calendarScopes);
    }

    @Override
    public SignedIn signIn(String code, String codeVerifier, String redirectUri, String timeZone) {
        requireAllowed(redirectUri);
        GoogleAuthorization.SignInTokens tokens = google.exchangeSignIn(code, codeVerifier, redirectUri);
        if (calendarRequired) {
            try {
                calendars.connectGranted(tokens.granted(), timeZone == null ? "UTC" : timeZone);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "calendar of " + tokens.granted().googleAccountId() + ": granted at sign-in but not connected ("
                        + e.getMessage() + "); the calendar gate asks for it again");
            }
        }
        return new SignedIn(tokens.idToken(), tokens.expiresAt(), tokens.email(), tokens.name());
    }

    private void requireAllowed(String redirectUri) {
        if (!allowedRedirects.contains(redirectUri)) {
            throw new ConnectionRefusedException(Problem.REDIRECT_NOT_ALLOWED,
                    "'redirectUri' must be one of the web app's sign-in pages: " + String.join(", ", allowedRedirects));
        }
    }
}

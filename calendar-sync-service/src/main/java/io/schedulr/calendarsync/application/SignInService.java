package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.ConnectionRefusedException.Problem;
import io.schedulr.calendarsync.application.port.in.SignInUseCase;
import io.schedulr.calendarsync.application.port.out.GoogleAuthorization;

import java.util.List;

/** Google sign-in for the web app's pages only: a redirect anywhere else is refused before Google is asked. */
public class SignInService implements SignInUseCase {
    private final GoogleAuthorization google;
    private final List<String> allowedRedirects;

    public SignInService(GoogleAuthorization google, List<String> allowedRedirects) {
        this.google = google;
        this.allowedRedirects = List.copyOf(allowedRedirects);
    }

    @Override
    public String signInUrl(String redirectUri, String state, String codeChallenge, String silentFor) {
        requireAllowed(redirectUri);
        return google.signInUrl(redirectUri, state, codeChallenge, silentFor);
    }

    @Override
    public SignedIn signIn(String code, String codeVerifier, String redirectUri) {
        requireAllowed(redirectUri);
        GoogleAuthorization.SignInTokens tokens = google.exchangeSignIn(code, codeVerifier, redirectUri);
        return new SignedIn(tokens.idToken(), tokens.expiresAt(), tokens.email(), tokens.name());
    }

    private void requireAllowed(String redirectUri) {
        if (!allowedRedirects.contains(redirectUri)) {
            throw new ConnectionRefusedException(Problem.REDIRECT_NOT_ALLOWED,
                    "'redirectUri' must be one of the web app's sign-in pages: " + String.join(", ", allowedRedirects));
        }
    }
}

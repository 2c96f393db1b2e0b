package io.schedulr.calendarsync.application.port.out;

import io.schedulr.calendarsync.application.ConnectionRefusedException;
import io.schedulr.calendarsync.application.GoogleUnavailableException;
import io.schedulr.calendarsync.application.GrantRevokedException;

import java.time.Instant;
import java.util.List;

/** Google's OAuth 2.0 endpoints for our client. */
public interface GoogleAuthorization {
    /** The consent URL: offline access, consent prompt, PKCE S256, the person's address as login hint. */
    String consentUrl(String loginHint, String state, String codeChallenge, List<String> scopes);

    /**
     * Google's sign-in page for a person at a browser: {@code openid email profile}, PKCE S256, Google's account chooser;
     * Google sends the browser back to {@code redirectUri} (a page of our web app) with a code. With {@code calendarScopes},
     * the same page also asks for them, with offline access and the scopes granted before ({@code include_granted_scopes}):
     * a person signing up grants their calendar on the one consent screen. With {@code silentFor} (an address), no page at
     * all: {@code prompt=none} for that account, so Google answers at once with a code when the browser is still signed in
     * to it, else with {@code error=login_required} (or another "needs the person" error).
     */
    String signInUrl(String redirectUri, String state, String codeChallenge, String silentFor, List<String> calendarScopes);

    /**
     * Exchanges a sign-in code for the person's Google ID token (the bearer token of our APIs) and what else Google granted
     * with it. Throws {@link ConnectionRefusedException} ({@code INVALID_CODE}) when Google refuses the code and
     * {@link GoogleUnavailableException} when Google cannot be reached.
     */
    SignInTokens exchangeSignIn(String code, String codeVerifier, String redirectUri);

    /**
     * Exchanges an authorization code. Throws {@link ConnectionRefusedException} ({@code INVALID_CODE}) when Google
     * refuses the code and {@link GoogleUnavailableException} when Google cannot be reached.
     */
    GrantedTokens exchange(String code, String codeVerifier);

    /**
     * A fresh access token from the refresh token (which also proves the grant still works). Throws
     * {@link GrantRevokedException} on {@code invalid_grant}.
     */
    AccessToken refresh(String refreshToken);

    /** Revokes the grant behind a token; a token Google no longer knows counts as revoked. */
    void revoke(String token);

    /**
     * @param googleAccountId the {@code sub} of the ID token in the answer
     * @param refreshToken    null when Google sent none (no offline access, or not a first consent)
     * @param scope           the space-separated scopes actually granted
     */
    record GrantedTokens(String googleAccountId, String email, String accessToken, String refreshToken, String scope) {
        @Override
        public String toString() {
            return "GrantedTokens[googleAccountId=" + googleAccountId + ", scope=" + scope + "]";
        }
    }

    /**
     * A signed-in person's ID token, when it expires, and who it names; {@code granted}: the access (and, on a first
     * consent with offline access, the refresh token) that came with it, for the calendar asked for at sign-in.
     */
    record SignInTokens(String idToken, Instant expiresAt, String email, String name, GrantedTokens granted) {
        @Override
        public String toString() {
            return "SignInTokens[email=" + email + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** An access token and when Google stops honouring it. */
    record AccessToken(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "AccessToken[expiresAt=" + expiresAt + "]";
        }
    }
}

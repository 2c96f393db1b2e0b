package io.schedulr.calendarsync.application.port.in;

import java.time.Instant;

/**
 * Google sign-in for our web app: the browser keeps the PKCE verifier and the state, this service adds what only it
 * holds (the client secret) and hands back the person's Google ID token, the bearer token of every API. With the
 * calendar gate on, the same consent also grants the calendar.
 */
public interface SignInUseCase {
    /**
     * Google's sign-in page, sending the browser back to {@code redirectUri} (one of the web app's registered pages); with
     * {@code silentFor} (the address of a person whose sign-in ran out), Google's answer without any page: a code when
     * the browser is still signed in to that account, else an error the web app answers by showing its sign-in button.
     */
    String signInUrl(String redirectUri, String state, String codeChallenge, String silentFor);

    /**
     * The ID token for a code Google gave the web app; a calendar granted with it is connected, its dedicated calendar made
     * in {@code timeZone} (UTC when null).
     */
    SignedIn signIn(String code, String codeVerifier, String redirectUri, String timeZone);

    record SignedIn(String idToken, Instant expiresAt, String email, String name) {
        @Override
        public String toString() {
            return "SignedIn[email=" + email + ", expiresAt=" + expiresAt + "]";
        }
    }
}

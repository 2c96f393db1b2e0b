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

    /** An access token and when Google stops honouring it. */
    record AccessToken(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "AccessToken[expiresAt=" + expiresAt + "]";
        }
    }
}

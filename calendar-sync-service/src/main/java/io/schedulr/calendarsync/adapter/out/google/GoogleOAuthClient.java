package io.schedulr.calendarsync.adapter.out.google;

import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.auth.oauth2.GoogleAuthorizationCodeRequestUrl;
import com.google.api.client.googleapis.auth.oauth2.GoogleAuthorizationCodeTokenRequest;
import com.google.api.client.googleapis.auth.oauth2.GoogleIdToken;
import com.google.api.client.googleapis.auth.oauth2.GoogleRefreshTokenRequest;
import com.google.api.client.googleapis.auth.oauth2.GoogleTokenResponse;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.UrlEncodedContent;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import io.schedulr.calendarsync.application.ConnectionRefusedException;
import io.schedulr.calendarsync.application.ConnectionRefusedException.Problem;
import io.schedulr.calendarsync.application.GoogleUnavailableException;
import io.schedulr.calendarsync.application.GrantRevokedException;
import io.schedulr.calendarsync.application.port.out.GoogleAuthorization;
import io.schedulr.calendarsync.config.GoogleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Google's OAuth 2.0 endpoints through Google's own Java client; transient failures are retried with backoff. */
@ApplicationScoped
public class GoogleOAuthClient implements GoogleAuthorization {
    static final HttpTransport TRANSPORT = new NetHttpTransport();
    static final JsonFactory JSON = GsonFactory.getDefaultInstance();

    /** Who the person is, nothing more: Calendar access is asked for separately, when they connect. */
    static final List<String> SIGN_IN_SCOPES = List.of("openid", "email", "profile");
    private static final Pattern AUTHORIZATION_CODE = Pattern.compile("[\\x20-\\x7e]+");

    @Inject
    GoogleConfig config;
    @Inject
    GoogleRequests requests;

    @Override
    public String consentUrl(String loginHint, String state, String codeChallenge, List<String> scopes) {
        return new GoogleAuthorizationCodeRequestUrl(config.authorizationUrl(), config.clientId(), config.redirectUri(), scopes)
                .setAccessType("offline")
                .setState(state)
                .set("prompt", "consent")
                .set("include_granted_scopes", "true")
                .set("login_hint", loginHint)
                .set("code_challenge", codeChallenge)
                .set("code_challenge_method", "S256")
                .build();
    }

    @Override
    public String signInUrl(String redirectUri, String state, String codeChallenge, String silentFor, List<String> calendarScopes) {
        List<String> scopes = new ArrayList<>(SIGN_IN_SCOPES);
        scopes.addAll(calendarScopes);
        GoogleAuthorizationCodeRequestUrl url = new GoogleAuthorizationCodeRequestUrl(config.authorizationUrl(), config.clientId(),
                redirectUri, scopes).setState(state);
        if (!calendarScopes.isEmpty()) {
            url.setAccessType("offline").set("include_granted_scopes", "true");
        }
        if (silentFor == null) {
            url.set("prompt", "select_account");
        } else {
            url.set("prompt", "none").set("login_hint", silentFor);
        }
        return url.set("code_challenge", codeChallenge).set("code_challenge_method", "S256").build();
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = GoogleUnavailableException.class)
    @ExponentialBackoff
    public SignInTokens exchangeSignIn(String code, String codeVerifier, String redirectUri) {
        GoogleTokenResponse response = redeem(code, codeVerifier, redirectUri, "sign-in code", "sign in again");
        if (response.getIdToken() == null) {
            throw new ConnectionRefusedException(Problem.INVALID_CODE, "Google answered the sign-in without an ID token; sign in again.");
        }
        // Every API that receives the ID token as a bearer token verifies it in full.
        GoogleIdToken.Payload payload = idToken(response);
        return new SignInTokens(response.getIdToken(), Instant.ofEpochSecond(payload.getExpirationTimeSeconds()),
                payload.getEmail(), (String) payload.get("name"), new GrantedTokens(payload.getSubject(), payload.getEmail(),
                response.getAccessToken(), response.getRefreshToken(), response.getScope()));
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = GoogleUnavailableException.class)
    @ExponentialBackoff
    public GrantedTokens exchange(String code, String codeVerifier) {
        GoogleTokenResponse response = redeem(code, codeVerifier, config.redirectUri(), "authorization code", "start connecting again");
        GoogleIdToken.Payload payload = response.getIdToken() == null ? null : idToken(response);
        return new GrantedTokens(payload == null ? null : payload.getSubject(), payload == null ? null : payload.getEmail(),
                response.getAccessToken(), response.getRefreshToken(), response.getScope());
    }

    /**
     * Google's token endpoint for an authorization code; a code Google refuses is INVALID_CODE, telling the person what to do.
     * A code that is not RFC 6749's {@code 1*VSCHAR} (printable ASCII) was never issued, and the client library cannot
     * even form-encode one with a lone surrogate: refused the same way, without asking Google.
     */
    private GoogleTokenResponse redeem(String code, String codeVerifier, String redirectUri, String what, String remedy) {
        if (!AUTHORIZATION_CODE.matcher(code).matches()) {
            throw new ConnectionRefusedException(Problem.INVALID_CODE, "That is not a " + what + " Google issues; " + remedy + ".");
        }
        GoogleAuthorizationCodeTokenRequest request = new GoogleAuthorizationCodeTokenRequest(TRANSPORT, JSON, config.tokenUrl(),
                config.clientId(), config.clientSecret(), code, redirectUri);
        request.set("code_verifier", codeVerifier);
        request.setRequestInitializer(requests.prepared(null));
        try {
            return request.execute();
        } catch (TokenResponseException e) {
            if (!GoogleFailures.transient_(e)) {
                throw new ConnectionRefusedException(Problem.INVALID_CODE, "Google refused the " + what + " ("
                        + (e.getDetails() == null ? e.getStatusCode() : e.getDetails().getError()) + "); " + remedy + ".");
            }
            throw GoogleFailures.translate("exchanging the " + what, e);
        } catch (IOException e) {
            throw GoogleFailures.translate("exchanging the " + what, e);
        }
    }

    /** Straight from Google's token endpoint over TLS: OpenID Connect Core 3.1.3.7 needs no signature check here. */
    private static GoogleIdToken.Payload idToken(GoogleTokenResponse response) {
        try {
            return response.parseIdToken().getPayload();
        } catch (IOException e) {
            throw new ConnectionRefusedException(Problem.INVALID_CODE, "Google's answer carried an unreadable ID token; try again.");
        }
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = GoogleUnavailableException.class)
    @ExponentialBackoff
    public AccessToken refresh(String refreshToken) {
        try {
            GoogleTokenResponse response = new GoogleRefreshTokenRequest(TRANSPORT, JSON, refreshToken, config.clientId(), config.clientSecret())
                    .setTokenServerUrl(new GenericUrl(config.tokenUrl()))
                    .setRequestInitializer(requests.prepared(null))
                    .execute();
            long lifetime = response.getExpiresInSeconds() == null ? 3600 : response.getExpiresInSeconds();
            return new AccessToken(response.getAccessToken(), Instant.now().plusSeconds(lifetime));
        } catch (TokenResponseException e) {
            if (e.getDetails() != null && "invalid_grant".equals(e.getDetails().getError())) {
                throw new GrantRevokedException("Google: " + e.getDetails().getErrorDescription());
            }
            throw GoogleFailures.translate("refreshing an access token", e);
        } catch (IOException e) {
            throw GoogleFailures.translate("refreshing an access token", e);
        }
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = GoogleUnavailableException.class)
    @ExponentialBackoff
    public void revoke(String token) {
        try {
            HttpResponse response = TRANSPORT.createRequestFactory(requests.prepared(null))
                    .buildPostRequest(new GenericUrl(config.revokeUrl()), new UrlEncodedContent(Map.of("token", token)))
                    .setThrowExceptionOnExecuteError(false)
                    .execute();
            int status = response.getStatusCode();
            response.disconnect();
            // 400 invalid_token: Google no longer knows the token, which is what we wanted.
            if (status == 429 || status >= 500) {
                throw new GoogleUnavailableException("revoking a grant failed: HTTP " + status, null);
            }
        } catch (HttpResponseException e) {
            throw GoogleFailures.translate("revoking a grant", e);
        } catch (IOException e) {
            throw GoogleFailures.translate("revoking a grant", e);
        }
    }
}

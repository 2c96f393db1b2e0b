package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.GoogleAuthorization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Google's OAuth endpoints as a test scripts them; records what was asked. */
final class FakeGoogle implements GoogleAuthorization {
    record ConsentRequest(String loginHint, String state, String codeChallenge, List<String> scopes) {
    }

    record Exchange(String code, String codeVerifier) {
    }

    final List<ConsentRequest> consents = new ArrayList<>();
    final List<Exchange> exchanges = new ArrayList<>();
    final List<String> refreshed = new ArrayList<>();
    final List<String> revoked = new ArrayList<>();
    /** What the next exchange answers. */
    GrantedTokens grant;
    /** What a refresh of a given token throws (absent: it works). */
    final Map<String, RuntimeException> refreshFailures = new HashMap<>();
    /** Whether a transaction is open (the test's {@link InMemoryTransactions}); refreshes made inside one are counted. */
    java.util.function.BooleanSupplier transactionOpen = () -> false;
    int refreshesInsideTransaction;
    /** What happens elsewhere while a refresh is being asked (given the refresh token). */
    Consumer<String> onRefresh = token -> { };
    RuntimeException revokeFailure;
    /** Runs at revocation time, to look at the store while Google is being told. */
    Consumer<String> onRevoke = token -> { };

    @Override
    public String consentUrl(String loginHint, String state, String codeChallenge, List<String> scopes) {
        consents.add(new ConsentRequest(loginHint, state, codeChallenge, scopes));
        return "https://google.example/auth?state=" + state + "&code_challenge=" + codeChallenge;
    }

    /** The Calendar scopes each sign-in page asked for besides openid, email and profile. */
    final List<List<String>> signInCalendarScopes = new ArrayList<>();

    @Override
    public String signInUrl(String redirectUri, String state, String codeChallenge, String silentFor, List<String> calendarScopes) {
        signInCalendarScopes.add(calendarScopes);
        return "https://google.example/auth?redirect_uri=" + redirectUri + "&state=" + state + "&code_challenge=" + codeChallenge
                + (silentFor == null ? "" : "&prompt=none&login_hint=" + silentFor);
    }

    /** Sign-in exchanges asked for (code, verifier, redirect). */
    final List<List<String>> signIns = new ArrayList<>();
    /** What Google granted with the next sign-in: by default the sign-in scopes alone, no refresh token. */
    GrantedTokens signInGrant = new GrantedTokens("sub-ada", "ada@example.com", "access-ada", null, "openid email profile");

    @Override
    public SignInTokens exchangeSignIn(String code, String codeVerifier, String redirectUri) {
        signIns.add(List.of(code, codeVerifier, redirectUri));
        return new SignInTokens("id-token-for-" + code, java.time.Instant.parse("2100-01-01T00:00:00Z"), "ada@example.com", "Ada",
                signInGrant);
    }

    @Override
    public GrantedTokens exchange(String code, String codeVerifier) {
        exchanges.add(new Exchange(code, codeVerifier));
        if (grant == null) {
            throw new AssertionError("no grant scripted for this exchange");
        }
        return grant;
    }

    @Override
    public AccessToken refresh(String refreshToken) {
        refreshed.add(refreshToken);
        if (transactionOpen.getAsBoolean()) {
            refreshesInsideTransaction++;
        }
        onRefresh.accept(refreshToken);
        RuntimeException failure = refreshFailures.get(refreshToken);
        if (failure != null) {
            throw failure;
        }
        return new AccessToken("access-" + refreshed.size() + "-" + refreshToken, java.time.Instant.parse("2100-01-01T00:00:00Z"));
    }

    @Override
    public void revoke(String token) {
        revoked.add(token);
        onRevoke.accept(token);
        if (revokeFailure != null) {
            throw revokeFailure;
        }
    }
}

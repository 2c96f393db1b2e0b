package io.schedulr.testsupport.google;

import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.auth.oauth2.GoogleAuthorizationCodeTokenRequest;
import com.google.api.client.googleapis.auth.oauth2.GoogleIdToken;
import com.google.api.client.googleapis.auth.oauth2.GoogleIdTokenVerifier;
import com.google.api.client.googleapis.auth.oauth2.GoogleTokenResponse;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.UserCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Google's own OAuth and ID-token clients against the local Google: sign-in, consent, refresh, revocation. */
class GoogleIdentityContractTest {
    private static final NetHttpTransport TRANSPORT = new NetHttpTransport();
    private static final GsonFactory JSON = GsonFactory.getDefaultInstance();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalGoogle google;

    @BeforeAll
    static void start() throws Exception {
        google = LocalGoogle.start(0, RegisteredClient.development());
    }

    @AfterAll
    static void stop() {
        google.close();
    }

    @Test
    void discoveryNamesGooglesEndpoints() throws Exception {
        String discovery = get("/.well-known/openid-configuration").body();
        for (String endpoint : List.of("\"authorization_endpoint\":\"" + google.url() + "/o/oauth2/v2/auth",
                "\"token_endpoint\":\"" + google.url() + "/token", "\"revocation_endpoint\":\"" + google.url() + "/revoke",
                "\"userinfo_endpoint\":\"" + google.url() + "/v1/userinfo", "\"jwks_uri\":\"" + google.url() + "/oauth2/v3/certs")) {
            assertThat(discovery).contains(endpoint);
        }
        assertThat(get("/oauth2/v3/certs").body()).isEqualTo(get("/jwks").body()).contains("\"kid\":\"dev-issuer-1\"");
        assertThat(get("/oauth2/v1/certs").body()).contains("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void authorizationCodeWithPkceGivesRefreshTokenAndAnIdTokenGoogleIdTokenVerifierAccepts() throws Exception {
        String email = newEmail();
        Consent consent = new Consent(google, email);
        Map<String, String> back = consent.redirectParams(google);
        assertThat(back.get("_location")).isEqualTo(Consent.REDIRECT_URI);
        assertThat(back.get("state")).isEqualTo(consent.state);

        GoogleTokenResponse tokens = exchange(back.get("code"), consent.verifier);
        assertThat(tokens.getRefreshToken()).isNotBlank();
        assertThat(tokens.getAccessToken()).startsWith("ya29.");
        assertThat(tokens.getExpiresInSeconds()).isBetween(3000L, 3600L);
        assertThat(tokens.getScope().split(" ")).contains("openid", "https://www.googleapis.com/auth/userinfo.email",
                "https://www.googleapis.com/auth/calendar", "https://www.googleapis.com/auth/calendar.freebusy");

        GoogleIdToken idToken = verifier(google.client().id()).verify(tokens.getIdToken());
        assertThat(idToken).as("GoogleIdTokenVerifier accepts it").isNotNull();
        GoogleIdToken.Payload claims = idToken.getPayload();
        assertThat(claims.getSubject()).isEqualTo(LocalGoogle.subjectFor(email)).doesNotContain("@");
        assertThat(claims.getEmail()).isEqualTo(email);
        assertThat(claims.getEmailVerified()).isTrue();
        assertThat(claims.getAuthorizedParty()).isEqualTo(google.client().id());
        assertThat(claims.getIssuedAtTimeSeconds()).isNotNull();
        assertThat(claims.get("name")).isNotNull();
        assertThat(claims.get("zoneinfo")).isEqualTo("UTC");

        assertThat(verifier("someone-elses-client").verify(tokens.getIdToken())).as("wrong audience refused").isNull();
    }

    @Test
    void theCodeIsSingleUseAndBoundToTheVerifierAndRedirect() throws Exception {
        Consent consent = new Consent(google, newEmail());
        String code = consent.redirectParams(google).get("code");
        assertThatThrownBy(() -> exchange(code, "not-the-verifier"))
                .isInstanceOfSatisfying(TokenResponseException.class, e -> assertThat(e.getDetails().getError()).isEqualTo("invalid_grant"));

        String second = new Consent(google, newEmail()).redirectParams(google).get("code");
        assertThatThrownBy(() -> new GoogleAuthorizationCodeTokenRequest(TRANSPORT, JSON, google.url() + "/token",
                google.client().id(), google.client().secret(), second, "http://localhost:9/elsewhere").execute())
                .isInstanceOfSatisfying(TokenResponseException.class,
                        e -> assertThat(e.getDetails().getError()).isEqualTo("redirect_uri_mismatch"));

        Consent third = new Consent(google, newEmail());
        String code3 = third.redirectParams(google).get("code");
        assertThat(exchange(code3, third.verifier).getAccessToken()).isNotBlank();
        assertThatThrownBy(() -> exchange(code3, third.verifier)).as("used twice")
                .isInstanceOfSatisfying(TokenResponseException.class, e -> assertThat(e.getDetails().getError()).isEqualTo("invalid_grant"));
    }

    @Test
    void aWrongClientSecretIsRefused() throws Exception {
        Consent consent = new Consent(google, newEmail());
        String code = consent.redirectParams(google).get("code");
        assertThatThrownBy(() -> new GoogleAuthorizationCodeTokenRequest(TRANSPORT, JSON, google.url() + "/token",
                google.client().id(), "wrong-secret", code, Consent.REDIRECT_URI).set("code_verifier", consent.verifier).execute())
                .isInstanceOfSatisfying(TokenResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(401));
        // HttpURLConnection drops a 401's body in streaming mode, so the body is checked by plain HTTP.
        HttpResponse<String> basic = HTTP.send(HttpRequest.newBuilder(URI.create(google.url() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (google.client().id() + ":wrong").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.body()).isEqualTo("{\"error\":\"invalid_client\",\"error_description\":\"Unauthorized\"}");
    }

    @Test
    void aRefreshTokenComesOnlyWithOfflineAccessOnConsent() throws Exception {
        String email = newEmail();
        Consent online = new Consent(google, email).with("access_type", null);
        assertThat(exchange(online.redirectParams(google).get("code"), online.verifier).getRefreshToken()).isNull();

        Consent first = new Consent(google, email).with("prompt", null);
        assertThat(exchange(first.redirectParams(google).get("code"), first.verifier).getRefreshToken())
                .as("already consented once, no prompt=consent").isNull();

        Consent again = new Consent(google, email);
        assertThat(exchange(again.redirectParams(google).get("code"), again.verifier).getRefreshToken())
                .as("prompt=consent").isNotBlank();
    }

    @Test
    void promptNoneAnswersWithoutAPageOnlyForABrowserSignedInToThatAccountWhichConsented() throws Exception {
        String email = newEmail();
        HttpResponse<String> throughThePage = new Consent(google, email).visit(google);
        String cookie = throughThePage.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(throughThePage.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly");

        Consent silent = new Consent(google, email).with("prompt", "none").with("access_type", null).withCookie(cookie);
        Map<String, String> back = silent.redirectParams(google);
        assertThat(back).containsEntry("state", silent.state).doesNotContainKey("error");
        assertThat(exchange(back.get("code"), silent.verifier).getIdToken()).isNotBlank();

        assertThat(new Consent(google, email).with("prompt", "none").redirectParams(google)).as("another browser")
                .containsEntry("error", "login_required").doesNotContainKey("code");
        assertThat(new Consent(google, newEmail()).with("prompt", "none").withCookie(cookie).redirectParams(google))
                .as("another account").containsEntry("error", "login_required").doesNotContainKey("code");
        assertThat(new Consent(google, email).with("prompt", "none").with("login_hint", null).withCookie(cookie).redirectParams(google))
                .as("no account named: no chooser to show").containsEntry("error", "login_required");

        String narrow = newEmail();
        String narrowCookie = new Consent(google, narrow).with("scope", "openid email").visit(google).headers()
                .firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(new Consent(google, narrow).with("prompt", "none").withCookie(narrowCookie).redirectParams(google))
                .as("signed in, but the calendar scopes were never granted").containsEntry("error", "consent_required");
    }

    @Test
    void deniedConsentAndUntickedScopes() throws Exception {
        Consent denied = new Consent(google, newEmail()).with("deny", "1");
        Map<String, String> back = denied.redirectParams(google);
        assertThat(back).containsEntry("error", "access_denied").containsEntry("state", denied.state).doesNotContainKey("code");

        Consent partial = new Consent(google, newEmail()).with("drop_scopes", "https://www.googleapis.com/auth/calendar")
                .with("include_granted_scopes", null);
        GoogleTokenResponse tokens = exchange(partial.redirectParams(google).get("code"), partial.verifier);
        assertThat(tokens.getScope().split(" ")).doesNotContain("https://www.googleapis.com/auth/calendar")
                .contains("https://www.googleapis.com/auth/calendar.readonly");
    }

    @Test
    void googleAuthLibraryRefreshesUntilTheGrantIsRevoked() throws Exception {
        Consent consent = new Consent(google, newEmail());
        GoogleTokenResponse tokens = exchange(consent.redirectParams(google).get("code"), consent.verifier);
        UserCredentials credentials = UserCredentials.newBuilder()
                .setClientId(google.client().id())
                .setClientSecret(google.client().secret())
                .setRefreshToken(tokens.getRefreshToken())
                .setTokenServerUri(URI.create(google.url() + "/token"))
                .build();
        AccessToken access = credentials.refreshAccessToken();
        assertThat(access.getTokenValue()).startsWith("ya29.").isNotEqualTo(tokens.getAccessToken());

        HttpResponse<String> revoked = HTTP.send(HttpRequest.newBuilder(URI.create(google.url() + "/revoke?token=" + tokens.getRefreshToken()))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Content-Type", "application/x-www-form-urlencoded").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).isEqualTo(200);

        assertThatThrownBy(credentials::refreshAccessToken)
                .hasMessageContaining("invalid_grant").hasMessageContaining("Token has been expired or revoked.");
        HttpResponse<String> userinfo = HTTP.send(HttpRequest.newBuilder(URI.create(google.url() + "/v1/userinfo"))
                .header("Authorization", "Bearer " + access.getTokenValue()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(userinfo.statusCode()).as("the grant's access tokens end with it").isEqualTo(401);
    }

    @Test
    void theQuickMintStillAnswersWithoutAGrantType() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(google.url() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=quick@example.com&name=Quick&tz=Europe/Berlin&roles=admin")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"access_token\":\"ey", "\"token_type\":\"Bearer\"",
                "\"sub\":\"" + LocalGoogle.subjectFor("quick@example.com") + "\"");
        String token = response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        GoogleIdToken idToken = new GoogleIdTokenVerifier.Builder(TRANSPORT, JSON)
                .setPublicCertsEncodedUrl(google.url() + "/oauth2/v1/certs").setIssuer(google.url())
                .setAudience(List.of(RegisteredClient.DEVELOPMENT_ID)).build().verify(token);
        assertThat(idToken).isNotNull();
        assertThat(idToken.getPayload().get("groups")).isEqualTo(List.of("admin"));
        assertThat(idToken.getPayload().get("zoneinfo")).isEqualTo("Europe/Berlin");
    }

    static GoogleTokenResponse exchange(String code, String verifier) throws Exception {
        return exchange(google, code, verifier);
    }

    static GoogleTokenResponse exchange(LocalGoogle google, String code, String verifier) throws Exception {
        return new GoogleAuthorizationCodeTokenRequest(TRANSPORT, JSON, google.url() + "/token", google.client().id(),
                google.client().secret(), code, Consent.REDIRECT_URI).set("code_verifier", verifier).execute();
    }

    private static GoogleIdTokenVerifier verifier(String audience) {
        return new GoogleIdTokenVerifier.Builder(TRANSPORT, JSON)
                .setPublicCertsEncodedUrl(google.url() + "/oauth2/v1/certs")
                .setIssuer(google.url())
                .setAudience(List.of(audience))
                .build();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(google.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String newEmail() {
        return "person-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}

package io.schedulr.calendarsync.signin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.schedulr.calendarsync.connection.GoogleConsent;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Google sign-in as the web app does it, against the local Google over HTTP: the browser's PKCE verifier and state,
 * Google's account chooser, the code exchanged here for an ID token that the APIs then accept as the bearer token.
 */
@QuarkusTest
class SignInTest {
    static final String WEB_APP = "http://localhost:8080/";
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aPersonSignsInThroughGoogleAndTheIdTokenOpensTheApi() throws Exception {
        String verifier = verifier();
        String state = "web-state-" + UUID.randomUUID();
        String url = signInUrl(WEB_APP, state, challengeOf(verifier)).then().statusCode(200)
                .header("Cache-Control", "no-store").extract().jsonPath().getString("url");
        Map<String, String> asked = GoogleConsent.query(URI.create(url));
        assertThat(asked).containsEntry("redirect_uri", WEB_APP).containsEntry("state", state)
                .containsEntry("code_challenge_method", "S256").containsEntry("response_type", "code").doesNotContainKey("login_hint");
        // Signing up grants the calendar on the same consent screen (the calendar gate is on here).
        assertThat(asked.get("scope").split(" ")).containsExactlyInAnyOrder("openid", "email", "profile",
                "https://www.googleapis.com/auth/calendar", "https://www.googleapis.com/auth/calendar.readonly",
                "https://www.googleapis.com/auth/calendar.freebusy");
        assertThat(asked).containsEntry("access_type", "offline").containsEntry("include_granted_scopes", "true");

        String email = "signin-" + UUID.randomUUID() + "@example.com";
        // What Google's account chooser submits for the person.
        Map<String, String> back = GoogleConsent.redirectOf(url + "&login_hint=" + email + "&name=Ada%20Lovelace&tz=Europe/London");
        assertThat(back).containsEntry("state", state).containsKey("code");

        Response signedIn = given().contentType(ContentType.JSON)
                .body(Map.of("code", back.get("code"), "codeVerifier", verifier, "redirectUri", WEB_APP, "timeZone", "Europe/London"))
                .when().post("/api/auth/google/sign-in");
        signedIn.then().statusCode(200).header("Cache-Control", "no-store")
                .body("email", equalTo(email)).body("name", equalTo("Ada Lovelace")).body("expiresAt", notNullValue());
        String idToken = signedIn.jsonPath().getString("idToken");

        given().header("Authorization", "Bearer " + idToken).when().get("/api/calendar/connection")
                .then().statusCode(200).body("status", equalTo("connected")).body("calendarId", notNullValue());

        given().contentType(ContentType.JSON)
                .body(Map.of("code", back.get("code"), "codeVerifier", verifier, "redirectUri", WEB_APP))
                .when().post("/api/auth/google/sign-in")
                .then().statusCode(400).body("code", equalTo("invalid_code"));
    }

    @Test
    void aCalendarBoxUntickedAtSignInLeavesThePersonSignedInAndNotConnected() throws Exception {
        String verifier = verifier();
        String url = signInUrl(WEB_APP, "web-state-" + UUID.randomUUID(), challengeOf(verifier)).then().statusCode(200)
                .extract().jsonPath().getString("url");
        String email = "untick-" + UUID.randomUUID() + "@example.com";
        Map<String, String> back = GoogleConsent.redirectOf(url + "&login_hint=" + email + "&name=Una"
                + "&drop_scopes=https://www.googleapis.com/auth/calendar.freebusy");

        String idToken = given().contentType(ContentType.JSON)
                .body(Map.of("code", back.get("code"), "codeVerifier", verifier, "redirectUri", WEB_APP, "timeZone", "Europe/Paris"))
                .when().post("/api/auth/google/sign-in").then().statusCode(200).body("email", equalTo(email))
                .extract().jsonPath().getString("idToken");

        given().header("Authorization", "Bearer " + idToken).when().get("/api/calendar/connection")
                .then().statusCode(200).body("status", equalTo("not_connected")).body("reason", equalTo("scopes_missing"))
                .body("connectUrl", notNullValue());
    }

    @Test
    void aSignInThatRanOutIsRenewedWithoutAnyPageWhileTheBrowserIsStillSignedInToGoogle() throws Exception {
        String email = "renew-" + UUID.randomUUID() + "@example.com";
        String first = signInUrl(WEB_APP, "web-state-" + UUID.randomUUID(), challengeOf(verifier())).then().statusCode(200)
                .extract().jsonPath().getString("url");
        // The person goes through Google's account chooser once; Google keeps the browser signed in (its cookie).
        HttpResponse<String> chosen = BROWSER.send(HttpRequest.newBuilder(URI.create(first + "&login_hint=" + email + "&name=Ren")).build(),
                HttpResponse.BodyHandlers.ofString());
        String googleCookie = chosen.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        String verifier = verifier();
        String state = "web-state-" + UUID.randomUUID();
        String silent = signInUrl(WEB_APP, state, challengeOf(verifier), email).then().statusCode(200)
                .extract().jsonPath().getString("url");
        assertThat(GoogleConsent.query(URI.create(silent))).containsEntry("prompt", "none").containsEntry("login_hint", email)
                .containsEntry("scope", "openid email profile").doesNotContainKey("access_type");

        Map<String, String> back = GoogleConsent.query(URI.create(BROWSER.send(HttpRequest.newBuilder(URI.create(silent))
                .header("Cookie", googleCookie).build(), HttpResponse.BodyHandlers.ofString()).headers().firstValue("Location").orElseThrow()));
        assertThat(back).containsEntry("state", state).containsKey("code").doesNotContainKey("error");
        given().contentType(ContentType.JSON).body(Map.of("code", back.get("code"), "codeVerifier", verifier, "redirectUri", WEB_APP))
                .when().post("/api/auth/google/sign-in")
                .then().statusCode(200).body("email", equalTo(email)).body("idToken", notNullValue());

        Map<String, String> signedOut = GoogleConsent.redirectOf(signInUrl(WEB_APP, state, challengeOf(verifier), email).then()
                .statusCode(200).extract().jsonPath().getString("url"));
        assertThat(signedOut).as("a browser no longer signed in to Google: the web app shows its sign-in button")
                .containsEntry("error", "login_required").doesNotContainKey("code");
    }

    @Test
    void withoutAnAddressTheLocalGoogleShowsItsAccountChooser() throws Exception {
        String url = signInUrl(WEB_APP, "web-state-" + UUID.randomUUID(), challengeOf(verifier())).then().statusCode(200)
                .extract().jsonPath().getString("url");
        given().redirects().follow(false).when().get(URI.create(url))
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("name=\"login_hint\"")).body(containsString("name=\"code_challenge\""));
    }

    @Test
    void aWrongVerifierOrAnotherPageIsRefusedAndGivesNoToken() throws Exception {
        String verifier = verifier();
        String url = signInUrl(WEB_APP, "web-state-" + UUID.randomUUID(), challengeOf(verifier)).then().statusCode(200)
                .extract().jsonPath().getString("url");
        Map<String, String> back = GoogleConsent.redirectOf(url + "&login_hint=mallory-" + UUID.randomUUID() + "@example.com");

        given().contentType(ContentType.JSON).body(Map.of("code", back.get("code"), "codeVerifier", verifier(), "redirectUri", WEB_APP))
                .when().post("/api/auth/google/sign-in")
                .then().statusCode(400).body("code", equalTo("invalid_code")).body("idToken", org.hamcrest.Matchers.nullValue());
        given().contentType(ContentType.JSON)
                .body(Map.of("code", back.get("code"), "codeVerifier", verifier, "redirectUri", "http://localhost:9999/steal"))
                .when().post("/api/auth/google/sign-in")
                .then().statusCode(400).body("code", equalTo("redirect_uri_not_allowed"));
        signInUrl("https://evil.example/", "web-state-" + UUID.randomUUID(), challengeOf(verifier))
                .then().statusCode(400).body("code", equalTo("redirect_uri_not_allowed"));
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        String challenge = challengeOf(verifier());
        signInUrl(null, "web-state-" + UUID.randomUUID(), challenge)
                .then().statusCode(400).body("code", equalTo("invalid_field")).body("message", containsString("redirectUri"));
        signInUrl(WEB_APP, "short", challenge)
                .then().statusCode(400).body("code", equalTo("invalid_field")).body("message", containsString("state"));
        signInUrl(WEB_APP, "web-state-" + UUID.randomUUID(), "plain-challenge")
                .then().statusCode(400).body("code", equalTo("invalid_field")).body("message", containsString("codeChallenge"));
        given().contentType(ContentType.JSON).body(Map.of("code", "x", "codeVerifier", "too-short", "redirectUri", WEB_APP))
                .when().post("/api/auth/google/sign-in")
                .then().statusCode(400).body("code", equalTo("invalid_field")).body("message", containsString("codeVerifier"));
        given().contentType(ContentType.JSON).body("{\"code\":\"x\",\"codeVerifier\":\"" + verifier() + "\",\"redirectUri\":\"" + WEB_APP
                        + "\",\"clientSecret\":\"x\"}")
                .when().post("/api/auth/google/sign-in")
                .then().statusCode(400).body("code", equalTo("unknown_field"));
        given().contentType(ContentType.JSON).body("[1]").when().post("/api/auth/google/sign-in")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{").when().post("/api/auth/google/sign-in")
                .then().statusCode(400).body("code", equalTo("malformed_json"));
    }

    @Test
    void theWebAppsOriginMayCallFromABrowserAndNoOtherOrigin() {
        given().header("Origin", "http://localhost:8080").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .when().options("/api/auth/google/sign-in")
                .then().header("Access-Control-Allow-Origin", "http://localhost:8080");
        String other = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/auth/google/sign-in")
                .then().extract().header("Access-Control-Allow-Origin");
        assertThat(other).isNull();
    }

    private static Response signInUrl(String redirectUri, String state, String challenge) {
        return signInUrl(redirectUri, state, challenge, null);
    }

    private static Response signInUrl(String redirectUri, String state, String challenge, String silentFor) {
        var request = given().accept(ContentType.JSON).queryParam("state", state).queryParam("codeChallenge", challenge);
        if (silentFor != null) {
            request = request.queryParam("silentFor", silentFor);
        }
        if (redirectUri != null) {
            request = request.queryParam("redirectUri", redirectUri);
        }
        return request.when().get("/api/auth/google/sign-in");
    }

    static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challengeOf(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}

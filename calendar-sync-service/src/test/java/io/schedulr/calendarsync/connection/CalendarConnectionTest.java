package io.schedulr.calendarsync.connection;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.schedulr.calendarsync.LocalGoogleTestResource;
import io.schedulr.calendarsync.adapter.out.crypto.AesGcmTokenVault;
import io.schedulr.calendarsync.config.TokenKeys;
import io.schedulr.events.CalendarConnectionEvent;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.Topics;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import io.schedulr.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Connecting a Google Calendar against the local Google over HTTP, with real PostgreSQL and Kafka. */
@QuarkusTest
class CalendarConnectionTest {
    private static final String FREEBUSY = "https://www.googleapis.com/auth/calendar.freebusy";

    private TopicProbe events;

    @BeforeEach
    void listen() {
        events = TopicProbe.fromNow(Topics.CALENDAR_CONNECTIONS);
    }

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void theConsentUrlAsksGoogleForOfflineCalendarAccessWithPkceAndASignedState() {
        TestUser ana = Tokens.newUser("Ana", "Europe/Berlin");
        given().header("Authorization", ana.bearer()).redirects().follow(false)
                .when().get("/api/auth/google/start")
                .then().statusCode(302).header("Location", containsString("/o/oauth2/v2/auth?"));

        Map<String, String> consent = GoogleConsent.query(URI.create(GoogleConsent.consentUrl(ana)));

        assertThat(consent).containsEntry("client_id", LocalGoogleAccount.DEV_CLIENT_ID).containsEntry("response_type", "code")
                .containsEntry("access_type", "offline").containsEntry("prompt", "consent").containsEntry("include_granted_scopes", "true")
                .containsEntry("login_hint", ana.email()).containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "code_challenge", "redirect_uri");
        assertThat(consent.get("scope").split(" ")).contains("openid", "email", "profile", "https://www.googleapis.com/auth/calendar",
                "https://www.googleapis.com/auth/calendar.readonly", FREEBUSY);
    }

    @Test
    void connectingStoresTheTokenSealedMakesOneDedicatedCalendarAndAnnouncesIt() {
        TestUser ana = Tokens.newUser("Ana", "Europe/Berlin");
        givenNotConnected(ana);

        String calendarId = connect(ana);

        given().header("Authorization", ana.bearer()).when().get("/api/calendar/connection")
                .then().statusCode(200).body("status", equalTo("connected")).body("calendarId", equalTo(calendarId))
                .body("connectedAt", notNullValue()).body("connectUrl", containsString("/api/auth/google/start"));
        Map<String, String> row = ConnectionRows.connection(ana.id());
        String sealed = row.get("google_refresh_token");
        assertThat(sealed).startsWith("v1:test-current:");
        String refreshToken = rotatedVault().open(sealed);
        assertThat(sealed).doesNotContain(refreshToken);
        assertThat(LocalGoogleAccount.refresh(refreshToken).statusCode()).as("the stored token is the real one").isEqualTo(200);
        assertThat(LocalGoogleAccount.calendarList(refreshToken)).contains("Schedulr Meetings", calendarId)
                .as("made in the person's time zone").contains("Europe/Berlin");

        CalendarConnectionEvent event = awaitEvent(ana, "io.schedulr.calendar.connected.v1");
        assertThat(event).isEqualTo(new CalendarConnectionEvent(ana.id(), ana.email(), "connected", null, calendarId));
    }

    @Test
    void aPersonWhoseTokenStatesNoZoneGetsTheCalendarMadeInTheZoneTheyName() {
        String email = "gus-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String token = Tokens.withClaims(email, "Gus Google", "omit=zoneinfo");
        String id = given().header("Authorization", "Bearer " + token).get("/api/whoami").then().statusCode(200).extract().path("id");
        TestUser gus = new TestUser(id, email, "Gus Google", null, token);

        Map<String, String> back = GoogleConsent.redirectOf(GoogleConsent.consentUrl(gus, "America/Chicago"));
        String calendarId = callback(back.get("code"), back.get("state")).statusCode(200).body("status", equalTo("connected"))
                .extract().jsonPath().getString("calendarId");

        String refreshToken = rotatedVault().open(ConnectionRows.connection(gus.id()).get("google_refresh_token"));
        String zone = JsonPath.from(LocalGoogleAccount.calendarList(refreshToken))
                .getString("items.find { it.id == '" + calendarId + "' }.timeZone");
        assertThat(zone).as("Schedulr Meetings, made in the zone named at start, not UTC").isEqualTo("America/Chicago");
    }

    @Test
    void connectingTwiceKeepsOneCalendarAndDisconnectingThenReconnectingFindsItAgain() {
        TestUser ben = Tokens.newUser("Ben", "America/New_York");
        String first = connect(ben);
        String second = connect(ben);
        assertThat(second).isEqualTo(first);

        String oldToken = rotatedVault().open(ConnectionRows.connection(ben.id()).get("google_refresh_token"));
        given().header("Authorization", ben.bearer()).when().delete("/api/calendar/connection")
                .then().statusCode(200).body("status", equalTo("not_connected")).body("reason", equalTo("user"))
                .body("calendarId", nullValue());
        assertThat(ConnectionRows.connection(ben.id())).containsEntry("google_refresh_token", null);
        assertThat(LocalGoogleAccount.refresh(oldToken).body()).as("revoked at Google").contains("invalid_grant");
        awaitEvent(ben, "io.schedulr.calendar.disconnected.v1");

        String again = connect(ben);
        assertThat(again).isEqualTo(first);
        String token = rotatedVault().open(ConnectionRows.connection(ben.id()).get("google_refresh_token"));
        String calendars = LocalGoogleAccount.calendarList(token);
        assertThat(calendars.split("Schedulr Meetings", -1)).as("exactly one dedicated calendar").hasSize(2);
    }

    @Test
    void aDroppedCalendarScopeIsRefusedAndNothingIsStored() {
        TestUser cem = Tokens.newUser("Cem", "Europe/Istanbul");
        Map<String, String> back = GoogleConsent.consent(cem, "&drop_scopes=" + FREEBUSY);

        given().queryParam("code", back.get("code")).queryParam("state", back.get("state"))
                .when().get("/api/auth/google/callback")
                .then().statusCode(400).body("code", equalTo("calendar_scopes_missing")).body("message", containsString(FREEBUSY));

        assertThat(ConnectionRows.connection(cem.id())).containsEntry("status", "not_connected").containsEntry("google_refresh_token", null)
                .containsEntry("calendar_id", null);
        given().header("Authorization", cem.bearer()).when().get("/api/calendar/connection")
                .then().statusCode(200).body("status", equalTo("not_connected")).body("reason", equalTo("scopes_missing"));
        CalendarConnectionEvent event = awaitEvent(cem, "io.schedulr.calendar.disconnected.v1");
        assertThat(event.reason()).isEqualTo("scopes_missing");
    }

    @Test
    void deniedConsentIsRefusedAndNothingIsStored() {
        TestUser dia = Tokens.newUser("Dia", "UTC");
        Map<String, String> back = GoogleConsent.consent(dia, "&deny=1");
        assertThat(back).containsEntry("error", "access_denied");

        given().queryParam("error", back.get("error")).queryParam("state", back.get("state"))
                .when().get("/api/auth/google/callback")
                .then().statusCode(400).body("code", equalTo("consent_denied"));
        givenNotConnected(dia);
    }

    @Test
    void forgedReusedExpiredAndSomeoneElsesStatesAreRefused() {
        TestUser eva = Tokens.newUser("Eva", "UTC");
        Map<String, String> back = GoogleConsent.consent(eva, "");
        String state = back.get("state");
        String forged = state.substring(0, state.lastIndexOf('.') + 1) + "AAAA" + state.substring(state.lastIndexOf('.') + 5);

        callback(back.get("code"), forged).statusCode(400).body("code", equalTo("invalid_state"));
        callback(back.get("code"), "not-a-state").statusCode(400).body("code", equalTo("invalid_state"));
        callback(back.get("code"), null).statusCode(400).body("code", equalTo("invalid_state"));

        TestUser mallory = Tokens.newUser("Mallory", "UTC");
        given().header("Authorization", mallory.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", back.get("code"), "state", state))
                .when().post("/api/auth/google/callback")
                .then().statusCode(400).body("code", equalTo("invalid_state"));
        callback(back.get("code"), state).statusCode(400).body("code", equalTo("invalid_state")); // used up by the attempt above

        Map<String, String> late = GoogleConsent.consent(eva, "");
        ConnectionRows.execute("UPDATE oauth_state SET expires_at = now() - interval '1 second' WHERE nonce = ?",
                late.get("state").substring(0, late.get("state").indexOf('.')));
        callback(late.get("code"), late.get("state")).statusCode(400).body("code", equalTo("state_expired"));

        Map<String, String> fine = GoogleConsent.consent(eva, "");
        callback(fine.get("code"), fine.get("state")).statusCode(200);
        callback(fine.get("code"), fine.get("state")).statusCode(400).body("code", equalTo("invalid_state"));
    }

    @Test
    void aFrontEndPostsTheCodeWithItsOwnToken() {
        TestUser fin = Tokens.newUser("Fin", "Europe/Lisbon");
        Map<String, String> back = GoogleConsent.consent(fin, "");
        given().header("Authorization", fin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", back.get("code"), "state", back.get("state")))
                .when().post("/api/auth/google/callback")
                .then().statusCode(200).body("status", equalTo("connected"));
    }

    @Test
    void aGrantRevokedAtGoogleMarksThePersonRevokedAndAnnouncesIt() {
        TestUser gia = Tokens.newUser("Gia", "Europe/Rome");
        connect(gia);
        awaitEvent(gia, "io.schedulr.calendar.connected.v1");

        LocalGoogleAccount.control("revoke", "{\"email\":\"" + gia.email() + "\"}");
        ConnectionRows.execute("UPDATE calendar_connection SET checked_at = now() - interval '7 hours' WHERE google_account_id = ?", gia.id());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", gia.bearer())
                .when().get("/api/calendar/connection")
                .then().statusCode(200).body("status", equalTo("revoked")).body("reason", equalTo("revoked")));
        CalendarConnectionEvent event = awaitEvent(gia, "io.schedulr.calendar.disconnected.v1");
        assertThat(event.status()).isEqualTo("revoked");
        assertThat(ConnectionRows.connection(gia.id())).containsEntry("google_refresh_token", null);
    }

    @Test
    void googleFailingBrieflyIsRetriedAndFailingLongerIsA503NotAHalfConnection() {
        TestUser hal = Tokens.newUser("Hal", "UTC");
        LocalGoogleAccount.control("fail", "{\"count\":1,\"status\":500}");
        connect(hal);

        TestUser ida = Tokens.newUser("Ida", "UTC");
        Map<String, String> back = GoogleConsent.consent(ida, "");
        LocalGoogleAccount.control("fail", "{\"count\":10,\"status\":429}");
        try {
            callback(back.get("code"), back.get("state")).statusCode(503).body("code", equalTo("google_unavailable"));
        } finally {
            LocalGoogleAccount.control("fail", "{\"count\":0,\"status\":500}");
        }
        assertThat(ConnectionRows.connection(ida.id())).doesNotContainEntry("status", "connected");
    }

    @Test
    void aBrowserComingBackFromGoogleIsSentToTheWebAppWithTheOutcome() {
        TestUser eva = Tokens.newUser("Eva", "Europe/Vienna");
        Map<String, String> back = GoogleConsent.consent(eva, "");

        given().accept("text/html,application/xhtml+xml").redirects().follow(false)
                .queryParam("code", back.get("code")).queryParam("state", back.get("state"))
                .when().get("/api/auth/google/callback")
                .then().statusCode(303).header("Location", equalTo("http://localhost:8080/#calendar=connected"));
        given().header("Authorization", eva.bearer()).when().get("/api/calendar/connection")
                .then().statusCode(200).body("status", equalTo("connected"));

        given().accept("text/html").redirects().follow(false)
                .queryParam("code", back.get("code")).queryParam("state", back.get("state"))
                .when().get("/api/auth/google/callback")
                .then().statusCode(303).header("Location", equalTo("http://localhost:8080/#calendar-error=invalid_state"));
    }

    private static String connect(TestUser user) {
        Map<String, String> back = GoogleConsent.consent(user, "");
        return callback(back.get("code"), back.get("state")).statusCode(200).body("status", equalTo("connected"))
                .extract().jsonPath().getString("calendarId");
    }

    private static io.restassured.response.ValidatableResponse callback(String code, String state) {
        var request = given().queryParam("code", code);
        if (state != null) {
            request = request.queryParam("state", state);
        }
        return request.when().get("/api/auth/google/callback").then();
    }

    private static void givenNotConnected(TestUser user) {
        given().header("Authorization", user.bearer()).when().get("/api/calendar/connection")
                .then().statusCode(200).body("status", equalTo("not_connected")).body("calendarId", nullValue())
                .body("connectUrl", containsString("/api/auth/google/start"));
    }

    private CalendarConnectionEvent awaitEvent(TestUser user, String type) {
        List<ConsumerRecord<String, String>> records = events.await(r -> user.id().equals(r.key())
                && EventCodec.decodeCalendarConnectionEvent(r.value()).type().equals(type), 1, Duration.ofSeconds(20));
        CloudEvent<CalendarConnectionEvent> event = EventCodec.decodeCalendarConnectionEvent(records.get(0).value());
        assertThat(event.subject()).isEqualTo(user.id());
        return event.data();
    }

    /** The service's keys after a rotation: a new key first, the one the service sealed with still accepted. */
    private static AesGcmTokenVault rotatedVault() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return new AesGcmTokenVault(TokenKeys.parse("rotated-in:" + Base64.getEncoder().encodeToString(fresh) + ","
                + System.getProperty(LocalGoogleTestResource.KEYS_PROPERTY)));
    }
}

package io.schedulr.scheduling.preferences;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.scheduling.api.Db;
import io.schedulr.scheduling.api.RoomApi;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * PUT /api/me/time-zone: Google's ID tokens state no zone, so a person signed in with Google sets theirs (the web app sets
 * the browser's), and what is announced about them (their mails, reminders and Google events) is written in it.
 */
@QuarkusTest
class TimeZoneApiTest {

    @Test
    void aPersonSignedInWithGoogleSetsTheirZoneAndWhatIsAnnouncedCarriesIt() {
        TestUser host = Tokens.newUser("Zone Host", "Europe/Berlin");
        TestUser zoe = googleUser("Zoe Google");

        String first = RoomApi.createRoom(host, 3);
        RoomApi.book(zoe, first).statusCode(200);
        assertThat(guestZoneAnnounced(first)).as("no zone stated, none set: the default").isEqualTo("UTC");
        given().header("Authorization", zoe.bearer()).get("/api/me/time-zone").then().statusCode(200).body("timeZone", equalTo("UTC"));

        given().header("Authorization", zoe.bearer()).contentType("application/json").body("{\"timeZone\":\"America/New_York\"}")
                .put("/api/me/time-zone").then().statusCode(200).body("timeZone", equalTo("America/New_York"));
        String second = RoomApi.createRoom(host, 4);
        RoomApi.book(zoe, second).statusCode(200);
        assertThat(guestZoneAnnounced(second)).as("her requests, whose tokens state no zone, keep the one she set")
                .isEqualTo("America/New_York");
        assertThat(Db.text("SELECT time_zone FROM users WHERE id = ?", zoe.id())).isEqualTo("America/New_York");
        given().header("Authorization", zoe.bearer()).get("/api/me/time-zone").then().statusCode(200)
                .body("timeZone", equalTo("America/New_York"));
    }

    @Test
    void aZoneThePersonSetStaysOverTheOneTheirTokenStates() {
        TestUser host = Tokens.newUser("Zone Host Two", "Europe/Berlin");
        TestUser tom = Tokens.newUser("Tom Traveller", "Asia/Tokyo");

        given().header("Authorization", tom.bearer()).contentType("application/json").body("{\"timeZone\":\"Europe/Lisbon\"}")
                .put("/api/me/time-zone").then().statusCode(200).body("timeZone", equalTo("Europe/Lisbon"));
        String room = RoomApi.createRoom(host, 5);
        RoomApi.book(tom, room).statusCode(200);

        assertThat(guestZoneAnnounced(room)).isEqualTo("Europe/Lisbon");
        assertThat(hostZoneAnnounced(room)).as("the host's own token's zone, untouched").isEqualTo("Europe/Berlin");
        given().header("Authorization", tom.bearer()).get("/api/me/time-zone").then().statusCode(200)
                .body("timeZone", equalTo("Europe/Lisbon"));
        given().header("Authorization", host.bearer()).get("/api/me/time-zone").then().statusCode(200)
                .body("timeZone", equalTo("Europe/Berlin"));
    }

    @Test
    void aZoneChosenAnewIsAnnouncedWithTheReminderPreferencesOnceAndEveryLaterChangeCarriesIt() {
        TestUser uma = googleUser("Uma Moves");

        chooseZone(uma, "Europe/Paris");
        chooseZone(uma, "Europe/Paris");
        assertThat(preferencesAnnounced(uma)).as("the same zone again is no change").isEqualTo(1);
        assertThat(lastPreferencesAnnounced(uma, "timeZone")).isEqualTo("Europe/Paris");
        assertThat(lastPreferencesAnnounced(uma, "reminderChannel")).as("with her preferences: the defaults").isEqualTo("email");

        given().header("Authorization", uma.bearer()).contentType("application/json")
                .body("{\"reminderMinutes\":[15],\"reminderChannel\":\"email\"}").put("/api/me/preferences").then().statusCode(200);
        chooseZone(uma, "Asia/Kolkata");

        assertThat(preferencesAnnounced(uma)).isEqualTo(3);
        assertThat(lastPreferencesAnnounced(uma, "timeZone")).isEqualTo("Asia/Kolkata");
        assertThat(lastPreferencesAnnounced(uma, "reminderMinutes")).isEqualTo("[15]");
    }

    private static void chooseZone(TestUser who, String zone) {
        given().header("Authorization", who.bearer()).contentType("application/json").body("{\"timeZone\":\"" + zone + "\"}")
                .put("/api/me/time-zone").then().statusCode(200).body("timeZone", equalTo(zone));
    }

    private static long preferencesAnnounced(TestUser who) {
        return Db.count("SELECT count(*) FROM outbox WHERE topic = 'scheduling.reminder-preferences.v1' AND message_key = '" + who.id() + "'");
    }

    private static String lastPreferencesAnnounced(TestUser who, String field) {
        return Db.text("SELECT payload->'data'->>'" + field + "' FROM outbox WHERE topic = 'scheduling.reminder-preferences.v1' "
                + "AND message_key = ? ORDER BY id DESC LIMIT 1", who.id());
    }

    private static TestUser googleUser(String name) {
        String email = "google-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String token = Tokens.withClaims(email, name, "omit=zoneinfo");
        String id = given().header("Authorization", "Bearer " + token).get("/api/whoami").then().statusCode(200).extract().path("id");
        return new TestUser(id, email, name, null, token);
    }

    private static String guestZoneAnnounced(String roomId) {
        return Db.text("SELECT payload->'data'->'guest'->>'timeZone' FROM outbox WHERE message_key = ? AND event_type LIKE '%booked%'",
                roomId);
    }

    private static String hostZoneAnnounced(String roomId) {
        return Db.text("SELECT payload->'data'->'host'->>'timeZone' FROM outbox WHERE message_key = ? AND event_type LIKE '%booked%'",
                roomId);
    }
}

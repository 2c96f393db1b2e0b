package io.schedulr.scheduling.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.schedulr.scheduling.api.Db;
import io.schedulr.scheduling.api.RoomApi;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

/**
 * Values every part of the system can handle are checked once, at the edge: a date a downstream service cannot
 * store or render, a control character, an unsendable address is refused here, with nothing written.
 */
@QuarkusTest
class EdgeValuesTest {
    private final TestUser host = Tokens.newUser("Edge Host", "UTC");

    private long roomsOf(TestUser user) {
        return Db.count("SELECT count(*) FROM practice_rooms WHERE host_id = ?", user.id());
    }

    @Test
    void datesBeyondTheWindowAreRefusedBeforeAnythingIsStored() {
        RoomApi.createRoom(host, 2);
        for (String date : new String[]{"+999999999-12-31T23:59:59Z", "+294277-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                Instant.now().plus(3660, ChronoUnit.DAYS).toString()}) {
            RoomApi.create(host, Map.of("datetimeUtc", date)).statusCode(400).body("code", equalTo("datetime_out_of_range"));
        }
        String start = Instant.now().plus(3660, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
        given().header("Authorization", host.bearer()).contentType(ContentType.JSON)
                .body("{\"startTs\":\"" + start + "\",\"endTs\":\"+999999999-12-31T23:59:59Z\"}").post("/api/slots")
                .then().statusCode(400).body("code", equalTo("datetime_out_of_range"));
        given().header("Authorization", host.bearer()).queryParam("mine", "true").queryParam("to", "+999999999-12-31T23:59:59Z")
                .get("/api/slots")
                .then().statusCode(400).body("code", equalTo("datetime_out_of_range"));
        assertThat(roomsOf(host)).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM slots WHERE host_id = ?", host.id())).isZero();
    }

    @Test
    void aFractionOfASecondIsDroppedAsCalendarsDropIt() {
        // Google and iCalendar keep whole seconds: a start kept at 09:00:00.123456 read back from Google as "moved to
        // 09:00:00.123" the first time the guest answered the invitation there.
        Instant start = RoomApi.inDays(6);
        String room = RoomApi.create(host, Map.of("datetimeUtc", start.plusNanos(123_456_789).toString())).statusCode(201)
                .body("datetimeUtc", equalTo(start.toString())).body("endUtc", equalTo(start.plusSeconds(3600).toString()))
                .extract().path("id");
        assertThat(Db.text("SELECT to_char(datetime_utc AT TIME ZONE 'UTC', 'HH24:MI:SS.US') FROM practice_rooms WHERE id = ?::uuid", room))
                .endsWith(".000000");

        Instant later = start.plus(1, ChronoUnit.DAYS);
        RoomApi.update(host, "{\"roomId\":\"" + room + "\",\"datetimeUtc\":\"" + later.plusMillis(700) + "\"}").statusCode(200)
                .body("datetimeUtc", equalTo(later.toString()));

        Instant slot = start.plus(2, ChronoUnit.DAYS);
        given().header("Authorization", host.bearer()).contentType(ContentType.JSON)
                .body("{\"startTs\":\"" + slot.plusMillis(250) + "\",\"endTs\":\"" + slot.plusSeconds(1800).plusMillis(250) + "\"}")
                .post("/api/slots").then().statusCode(201);
        assertThat(Db.text("SELECT to_char(start_ts AT TIME ZONE 'UTC', 'HH24:MI:SS.US') FROM slots WHERE host_id = ? AND start_ts = ?::timestamptz",
                host.id(), slot.toString())).endsWith(".000000");
    }

    @Test
    void aTrailingNulInADateAndAReversedRangeAreRefused() {
        RoomApi.create(host, Map.of("datetimeUtc", RoomApi.inDays(3) + "\u0000")).statusCode(400).body("code", equalTo("invalid_datetime"));
        given().header("Authorization", host.bearer())
                .get("/api/slots?mine=true&from=" + RoomApi.inDays(5) + "&to=" + RoomApi.inDays(4))
                .then().statusCode(400).body("code", equalTo("invalid_range"));
    }

    @Test
    void errorsQuoteOnlyAShortExcerptOfWhatWasSent() {
        String huge = "x".repeat(5_000);
        RoomApi.create(host, Map.of("datetimeUtc", huge)).statusCode(400)
                .body("code", equalTo("invalid_datetimeUtc"))
                .body("message.length()", lessThan(300));
        RoomApi.get(host, "/api/practice-rooms?scope=" + "y".repeat(2_000)).statusCode(400).body("message.length()", lessThan(300));
    }

    @Test
    void wrongTypesAndUnknownFieldsAreNamed() {
        String room = RoomApi.createRoom(host, 3);
        RoomApi.update(host, "{\"roomId\":\"" + room + "\",\"private\":1}").statusCode(400).body("code", equalTo("invalid_field"))
                .body("message", org.hamcrest.Matchers.containsString("private"));
        RoomApi.update(host, "{\"roomId\":\"" + room + "\",\"private\":\"true\"}").statusCode(400).body("code", equalTo("invalid_field"));
        RoomApi.update(host, "{\"roomId\":\"" + room + "\",\"stage\":\"x\",\"isAdmin\":true}").statusCode(400)
                .body("code", equalTo("unknown_field")).body("message", org.hamcrest.Matchers.containsString("isAdmin"));
        assertThat(Db.text("SELECT private::text FROM practice_rooms WHERE id = ?::uuid", room)).isEqualTo("false");
    }

    @Test
    void aStageWithControlCharactersIsRefused() {
        String room = RoomApi.createRoom(host, 3);
        RoomApi.update(host, Map.of("roomId", room, "stage", "Round\u00002")).statusCode(400).body("code", equalTo("invalid_stage"));
        RoomApi.update(host, Map.of("roomId", room, "stage", "Round 2 ✓ — 😀")).statusCode(200).body("stage", equalTo("Round 2 ✓ — 😀"));
    }
}

package io.schedulr.scheduling.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Bad input gets a clear 4xx JSON error, never a 500. */
@QuarkusTest
class RoomInputValidationTest {
    private final TestUser user = Tokens.newUser("Validator", "UTC");

    @Test
    void malformedOrWronglyTypedBodies() {
        RoomApi.create(user, "{not json").statusCode(400).body("code", equalTo("malformed_json")).body("message", notNullValue());
        RoomApi.create(user, "{\"datetimeUtc\": 12, \"private\": \"yes\"}").statusCode(400).body("code", equalTo("invalid_field"));
        RoomApi.create(user, "[]").statusCode(400);
        RoomApi.update(user, "{not json").statusCode(400).body("code", equalTo("malformed_json"));
        RoomApi.update(user, "[1,2]").statusCode(400).body("code", equalTo("invalid_body"));
        RoomApi.update(user, "{\"roomId\": 5, \"stage\": \"x\"}").statusCode(400).body("code", equalTo("invalid_field"));
        given().header("Authorization", user.bearer()).contentType(ContentType.JSON).post("/api/practice-room/create")
                .then().statusCode(400);
        given().header("Authorization", user.bearer()).contentType(ContentType.TEXT).body("hello").post("/api/practice-room/create")
                .then().statusCode(415).body("code", equalTo("unsupported_media_type"));
    }

    @Test
    void badTimes() {
        RoomApi.create(user, Map.of("datetimeUtc", "tomorrow at ten")).statusCode(400).body("code", equalTo("invalid_datetime"));
        RoomApi.create(user, Map.of("datetimeUtc", "2031-01-01T10:00:00")).statusCode(400).body("code", equalTo("invalid_datetime"));
        RoomApi.create(user, Map.of()).statusCode(400).body("code", equalTo("invalid_datetime"));
        RoomApi.create(user, Map.of("datetimeUtc", Instant.now().minusSeconds(60).toString()))
                .statusCode(400).body("code", equalTo("datetime_in_past"));
        String id = RoomApi.createRoom(user, 3);
        RoomApi.update(user, "{\"roomId\":\"" + id + "\",\"datetimeUtc\":\"2001-01-01T00:00:00Z\"}")
                .statusCode(400).body("code", equalTo("datetime_in_past"));
    }

    @Test
    void badAndUnknownRoomIds() {
        RoomApi.update(user, "{\"roomId\":\"42\",\"stage\":\"x\"}").statusCode(400).body("code", equalTo("invalid_room_id"));
        RoomApi.update(user, "{\"stage\":\"x\"}").statusCode(400).body("code", equalTo("invalid_room_id"));
        RoomApi.delete(user, "not-a-uuid").statusCode(400).body("code", equalTo("invalid_room_id"));
        RoomApi.get(user, "/api/practice-rooms/nope").statusCode(400).body("code", equalTo("invalid_room_id"));
        String unknown = UUID.randomUUID().toString();
        RoomApi.book(user, unknown).statusCode(404).body("code", equalTo("room_not_found"));
        RoomApi.delete(user, unknown).statusCode(404);
        RoomApi.get(user, "/api/practice-rooms/" + unknown).statusCode(404);
    }

    @Test
    void nothingToUpdateAndBadQueryParameters() {
        String id = RoomApi.createRoom(user, 3);
        RoomApi.update(user, "{\"roomId\":\"" + id + "\"}").statusCode(400).body("code", equalTo("nothing_to_update"));
        RoomApi.get(user, "/api/practice-rooms?scope=everything").statusCode(400).body("code", equalTo("invalid_scope"));
        RoomApi.get(user, "/api/practice-rooms?limit=0").statusCode(400).body("code", equalTo("invalid_limit"));
        RoomApi.get(user, "/api/practice-rooms?limit=abc").statusCode(400).body("code", equalTo("invalid_limit"));
    }

    @Test
    void everyEndpointWantsAValidToken() {
        given().contentType(ContentType.JSON).body("{}").post("/api/practice-room/create").then().statusCode(401)
                .body("code", equalTo("unauthorized"));
        given().contentType(ContentType.JSON).body("{}").post("/api/practice-room/update").then().statusCode(401);
        given().delete("/api/practice-room/" + UUID.randomUUID()).then().statusCode(401);
        given().get("/api/practice-rooms").then().statusCode(401);
        given().header("Authorization", "Bearer " + Tokens.forged(user.email())).get("/api/practice-rooms").then().statusCode(401);
        given().header("Authorization", "Bearer " + Tokens.expired(user.email())).get("/api/practice-rooms").then().statusCode(401);
    }
}

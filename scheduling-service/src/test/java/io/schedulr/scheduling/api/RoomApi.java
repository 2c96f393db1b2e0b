package io.schedulr.scheduling.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.schedulr.testsupport.TestUser;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The practice-room API as a web client calls it. */
public final class RoomApi {
    private RoomApi() {
    }

    public static Instant inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    public static ValidatableResponse create(TestUser host, Object body) {
        return given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/practice-room/create").then();
    }

    /** Creates a public room in {@code days} days and returns its id. */
    public static String createRoom(TestUser host, int days) {
        return createRoom(host, days, false);
    }

    public static String createRoom(TestUser host, int days, boolean privateRoom) {
        return create(host, Map.of("datetimeUtc", inDays(days).toString(), "private", privateRoom))
                .statusCode(201).extract().path("id");
    }

    /** A room at {@code start}: public, or private and offered to {@code offeredTo} when given. */
    public static String createRoomAt(TestUser host, Instant start, TestUser offeredTo) {
        Map<String, Object> body = offeredTo == null ? Map.of("datetimeUtc", start.toString())
                : Map.of("datetimeUtc", start.toString(), "private", true, "offerTo", offeredTo.id());
        return create(host, body).statusCode(201).extract().path("id");
    }

    /** A private room offered to one person. */
    public static String createRoomOfferedTo(TestUser host, int days, TestUser person) {
        return create(host, Map.of("datetimeUtc", inDays(days).toString(), "private", true, "offerTo", person.id()))
                .statusCode(201).extract().path("id");
    }

    public static ValidatableResponse update(TestUser caller, Object body) {
        return given().header("Authorization", caller.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/practice-room/update").then();
    }

    public static ValidatableResponse book(TestUser guest, String roomId) {
        return update(guest, "{\"roomId\":\"" + roomId + "\",\"guestId\":\"" + guest.id() + "\"}");
    }

    public static ValidatableResponse delete(TestUser caller, String roomId) {
        return given().header("Authorization", caller.bearer()).delete("/api/practice-room/" + roomId).then();
    }

    /** The guest leaves their booking. */
    public static ValidatableResponse release(TestUser caller, String roomId) {
        return given().header("Authorization", caller.bearer()).delete("/api/practice-room/" + roomId + "/booking").then();
    }

    public static ValidatableResponse get(TestUser caller, String path) {
        return given().header("Authorization", caller.bearer()).get(path).then();
    }
}

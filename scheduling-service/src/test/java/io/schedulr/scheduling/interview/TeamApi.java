package io.schedulr.scheduling.interview;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.schedulr.testsupport.TestUser;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The team member, startup and contact routes as a web client calls them. */
public final class TeamApi {
    private TeamApi() {
    }

    /** A fresh, unique value for names and addresses, so tests never meet each other's rows. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static ValidatableResponse get(TestUser who, String path) {
        return given().header("Authorization", who.bearer()).get(path).then();
    }

    /** {@code GET /api/startups?q=}, the query sent as it is typed. */
    public static ValidatableResponse search(TestUser who, String q) {
        return given().header("Authorization", who.bearer()).queryParam("q", q).get("/api/startups").then();
    }

    public static ValidatableResponse post(TestUser who, String path, String body) {
        return given().header("Authorization", who.bearer()).contentType(ContentType.JSON).body(body).post(path).then();
    }

    public static ValidatableResponse put(TestUser who, String path, String body) {
        return given().header("Authorization", who.bearer()).contentType(ContentType.JSON).body(body).put(path).then();
    }

    public static ValidatableResponse patch(TestUser who, String path, String body) {
        return given().header("Authorization", who.bearer()).contentType(ContentType.JSON).body(body).patch(path).then();
    }

    public static ValidatableResponse delete(TestUser who, String path) {
        return given().header("Authorization", who.bearer()).delete(path).then();
    }

    /** Adds an active member as {@code admin}; returns the id. */
    public static String addMember(TestUser admin, String name, String email) {
        return post(admin, "/api/team-members", "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"role\":\"Partner\"}")
                .statusCode(201).extract().path("id");
    }

    public static String addStartup(TestUser who, String name) {
        return post(who, "/api/startups", "{\"name\":\"" + name + "\"}").statusCode(201).extract().path("id");
    }

    public static String addContact(TestUser who, String startupId, String name, String email) {
        return post(who, "/api/startups/" + startupId + "/contacts", "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"role\":\"CEO\"}")
                .statusCode(201).extract().path("id");
    }
}

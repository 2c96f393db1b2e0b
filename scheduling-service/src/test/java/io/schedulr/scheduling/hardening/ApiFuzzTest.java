package io.schedulr.scheduling.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.scheduling.api.RoomApi;
import io.schedulr.testsupport.OpenApiFuzz;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the OpenAPI document fed malformed input by {@link OpenApiFuzz}, as an admin (so the team routes look at
 * their input too) aiming at rows of their own: no 500, every refusal JSON with its code. The rows the bad-input table
 * asserts exactly stay there; this finds what nobody wrote a row for.
 */
@QuarkusTest
class ApiFuzzTest {
    @Test
    void noRouteAnswersMalformedInputWithA500OrAnUncodedRefusal() {
        TestUser admin = Tokens.newUserWithRoles("Fuzz Admin", "UTC", "admin");
        String room = RoomApi.createRoom(admin, 5);
        String day = Instant.now().plus(11, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
        String slot = given().header("Authorization", admin.bearer()).contentType("application/json")
                .body("{\"startTs\":\"" + day + "\",\"endTs\":\"" + Instant.parse(day).plus(1, ChronoUnit.HOURS) + "\"}")
                .post("/api/slots").then().statusCode(201).extract().path("[0].id");
        String member = given().header("Authorization", admin.bearer()).contentType("application/json")
                .body("{\"name\":\"Fuzz Member\",\"email\":\"fuzz-" + UUID.randomUUID() + "@example.com\",\"role\":\"Partner\"}")
                .post("/api/team-members").then().statusCode(201).extract().path("id");
        String startup = given().header("Authorization", admin.bearer()).contentType("application/json")
                .body("{\"name\":\"Fuzz Startup " + UUID.randomUUID() + "\"}").post("/api/startups").then().statusCode(201).extract().path("id");
        String contact = given().header("Authorization", admin.bearer()).contentType("application/json")
                .body("{\"name\":\"Fuzz Contact\",\"email\":\"fuzz-contact@example.com\"}").post("/api/startups/" + startup + "/contacts")
                .then().statusCode(201).extract().path("id");
        String interview = given().header("Authorization", admin.bearer()).contentType("application/json")
                .body("{\"startupId\":\"" + startup + "\"}").post("/api/interviews").then().statusCode(201).extract().path("id");

        OpenApiFuzz fuzz = OpenApiFuzz.ofRunningService().as(admin).pathValues((path, name) -> switch (name) {
            case "roomId" -> room;
            case "slotId" -> slot;
            case "contactId" -> contact;
            default -> path.startsWith("/api/interviews") ? interview : path.startsWith("/api/startups") ? startup
                    : path.startsWith("/api/team-members") ? member : "x";
        }).skipping(operation -> operation.endsWith("/stream"));

        assertThat(fuzz.run()).as("answers to " + fuzz.requests() + " requests").isEmpty();
    }
}

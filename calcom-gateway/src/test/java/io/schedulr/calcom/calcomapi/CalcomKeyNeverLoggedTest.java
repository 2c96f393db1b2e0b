package io.schedulr.calcom.calcomapi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key appears in no log line and no answer: after successful calls, refusals, a 404, and the health check,
 * the log file of every application this JVM started (debug included for this service and the REST client) is searched
 * for each key the tests configured, whole and in part.
 */
@QuarkusTest
class CalcomKeyNeverLoggedTest {

    @Test
    void noKeyInTheLogOrInAnyAnswer() throws Exception {
        TestUser person = Tokens.newUser("Log Reader", "UTC");
        List<Response> answers = new ArrayList<>();
        answers.add(given().header("Authorization", person.bearer()).get("/api/calcom/event-types"));
        answers.add(given().header("Authorization", person.bearer()).get("/api/calcom/bookings/noSuchBooking1"));
        answers.add(given().header("Authorization", person.bearer()).contentType(ContentType.JSON)
                .body("{\"interviewId\":\"iv-log\",\"eventTypeId\":999999,\"start\":\"2031-03-03T09:00:00Z\","
                        + "\"attendee\":{\"name\":\"G\",\"email\":\"g@example.com\",\"timeZone\":\"UTC\"}}").post("/api/calcom/bookings"));
        answers.add(given().get("/q/health/well"));
        answers.add(given().get("/q/health"));
        assertThat(answers.get(1).statusCode()).isEqualTo(404);

        String log = Files.readString(Path.of(LocalCalcomApiResource.LOG_FILE));
        assertThat(log).as("the log has the Cal.com lines this test caused").contains("Cal.com GET /v2/bookings/{uid} answered 404");
        for (String key : LocalCalcomApiResource.KEYS) {
            String secretPart = key.substring("cal_local_".length());
            assertThat(log).doesNotContain(key).doesNotContain(secretPart.substring(0, 12)).doesNotContain(secretPart.substring(20));
            for (Response answer : answers) {
                assertThat(answer.asString()).doesNotContain(secretPart.substring(0, 12));
            }
        }
    }
}

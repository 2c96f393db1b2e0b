package io.schedulr.calcom.calcomapi;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a local Cal.com that allows 2 requests a second (then blocks the key for a second, answering 429
 * ThrottlerException without Retry-After): a request that meets the block waits it out and succeeds, and the log
 * says what happened with the endpoint, Cal.com's code and a correlation id.
 */
@QuarkusTest
@TestProfile(Profiles.RateLimited.class)
class CalcomRateLimitTest {

    @Test
    void a429IsWaitedOutAndTheRequestThenSucceeds() throws Exception {
        TestUser person = Tokens.newUser("Rate Limited", "UTC");
        Thread.sleep(1100);
        LocalCalcomData.resetRateLimit(LocalCalcomApiResource.rateLimited());
        // two requests to Cal.com (personal and team event types): the whole budget of this second
        given().header("Authorization", person.bearer()).get("/api/calcom/event-types").then().statusCode(200);

        Instant before = Instant.now();
        Response response = given().header("Authorization", person.bearer()).get("/api/calcom/event-types");
        Duration took = Duration.between(before, Instant.now());

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getList("slug")).contains("interview-30");
        assertThat(took).as("waited for the block to end").isGreaterThanOrEqualTo(Duration.ofMillis(900));
        String log = Files.readString(Path.of(LocalCalcomApiResource.LOG_FILE));
        assertThat(log).containsPattern("Cal\\.com GET /v2/event-types answered 429 ThrottlerException: .* \\[correlation [0-9a-f-]{36}\\]; "
                + "no request for \\d+ ms");
    }
}

package io.schedulr.scheduling.video;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@TestProfile(DailyProfile.class)
class DailyVideoRoomTest {
    private final TestUser host = Tokens.newUser("Daily Host", "UTC");
    @ConfigProperty(name = "quarkus.rest-client.daily.url")
    String daily;

    private io.restassured.response.ValidatableResponse create(boolean privateRoom) {
        return given().header("Authorization", host.bearer()).contentType(ContentType.JSON)
                .body(Map.of("datetimeUtc", Instant.now().plus(2, ChronoUnit.DAYS).toString(), "private", privateRoom))
                .post("/api/practice-room/create").then();
    }

    @Test
    void createsTheRoomOnDailyWithTheConfiguredKey() {
        FakeDaily.script(daily);
        create(true).statusCode(201).body("roomUrl", startsWith("https://schedulr.daily.co/fake-"));
        assertThat(FakeDaily.requests(daily)).hasSize(1);
        FakeDaily.Request request = FakeDaily.requests(daily).get(0);
        assertThat(request.authorization()).isEqualTo("Bearer test-daily-key");
        assertThat(request.contentType()).startsWith("application/json");
        assertThat(request.body()).contains("\"privacy\":\"private\"", "\"exp\":");
    }

    @Test
    void retriesRateLimitsAndServerErrorsWithBackoff() {
        FakeDaily.script(daily, 429, 503, 500);
        create(false).statusCode(201).body("roomUrl", startsWith("https://schedulr.daily.co/"));
        assertThat(FakeDaily.requests(daily)).hasSize(4);
    }

    @Test
    void aRefusedKeyFailsFastWith502AndSavesNothing() {
        FakeDaily.script(daily, 401);
        create(false).statusCode(502).body("code", equalTo("video_provider_unavailable"));
        assertThat(FakeDaily.requests(daily)).hasSize(1);
        given().header("Authorization", host.bearer()).get("/api/practice-rooms?scope=mine").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void givesUpAfterRepeatedOutagesWith502() {
        FakeDaily.script(daily, 503, 503, 503, 503, 503, 503);
        create(false).statusCode(502).body("code", equalTo("video_provider_unavailable"));
        assertThat(FakeDaily.requests(daily)).hasSize(5);
    }
}

package io.schedulr.calcom.calcomapi;

import io.schedulr.testsupport.Metrics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import io.schedulr.testsupport.calcom.LocalCalcom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests to Cal.com show on {@code /q/metrics} by endpoint and outcome, each retry counted (docs/operations.md,
 * "Metrics"), against the local Cal.com made to fail through its control API.
 */
@QuarkusTest
class CalcomCallMetricsTest {
    private static final String CALLS = "schedulr_calcom_api_calls_total";
    private static final String READ = "endpoint=\"GET /v2/bookings/{uid}\"";
    private final TestUser person = Tokens.newUser("Mia Metrics", "Europe/Berlin");
    private final LocalCalcom calcom = LocalCalcomApiResource.shared();

    @AfterEach
    void nothingLeftFailing() throws Exception {
        LocalCalcomData.stopFailing(calcom);
    }

    @Test
    void servesPrometheusTextWithTheFrameworkDefaults() {
        Response scrape = given().accept("text/plain").get("/q/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        assertThat(scrape.asString()).contains("# TYPE jvm_memory_used_bytes gauge").contains("jvm_threads_live_threads");
    }

    @Test
    void aReadThatSucceedsAfterTwoServerErrorsCountsTwoUnavailableAndOneSuccess() throws Exception {
        String uid = existingBooking("iv-metrics-read");
        double success = Metrics.count(CALLS, READ, "outcome=\"success\"");
        double unavailable = Metrics.count(CALLS, READ, "outcome=\"unavailable\"");
        LocalCalcomData.fail(calcom, "{\"count\":2,\"status\":500}");

        given().header("Authorization", person.bearer()).get("/api/calcom/bookings/" + uid).then().statusCode(200);

        assertThat(Metrics.count(CALLS, READ, "outcome=\"unavailable\"")).isEqualTo(unavailable + 2);
        assertThat(Metrics.count(CALLS, READ, "outcome=\"success\"")).isEqualTo(success + 1);
    }

    @Test
    void aBookingCalcomDoesNotKnowIsCountedAsNotFound() {
        double notFound = Metrics.count(CALLS, READ, "outcome=\"not_found\"");

        given().header("Authorization", person.bearer()).get("/api/calcom/bookings/no-such-booking-uid").then().statusCode(404);

        assertThat(Metrics.count(CALLS, READ, "outcome=\"not_found\"")).isEqualTo(notFound + 1);
    }

    private String existingBooking(String interviewId) {
        List<Map<String, Object>> types = given().header("Authorization", person.bearer()).get("/api/calcom/event-types")
                .then().statusCode(200).extract().jsonPath().getList("$");
        long eventTypeId = types.stream().filter(t -> ((Number) t.get("lengthInMinutes")).intValue() == 30)
                .map(t -> ((Number) t.get("id")).longValue()).findFirst().orElseThrow();
        String body = """
                {"interviewId":"%s","eventTypeId":%d,"start":"%s",
                 "attendee":{"name":"Grace Candidate","email":"grace@candidate.test","timeZone":"America/New_York"}}"""
                .formatted(interviewId, eventTypeId, LocalCalcomData.berlin(LocalCalcomData.freshMonday(), 13, 0));
        Response created = given().header("Authorization", person.bearer()).contentType(ContentType.JSON).body(body).post("/api/calcom/bookings");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created.jsonPath().getString("uid");
    }
}

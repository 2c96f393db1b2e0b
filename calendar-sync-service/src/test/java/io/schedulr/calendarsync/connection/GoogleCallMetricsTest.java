package io.schedulr.calendarsync.connection;

import io.schedulr.testsupport.Metrics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Calls to Google show on {@code /q/metrics} by outcome (docs/operations.md, "Metrics"), against the local Google. The
 * service's own scheduled jobs call Google in the background too, so counts are asserted to grow by at least the calls
 * of the test.
 */
@QuarkusTest
class GoogleCallMetricsTest {
    private static final String CALLS = "schedulr_google_calls_total";

    @Test
    void servesPrometheusTextWithTheFrameworkDefaults() {
        Response scrape = given().accept("text/plain").get("/q/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        assertThat(scrape.asString()).contains("# TYPE jvm_memory_used_bytes gauge").contains("jvm_threads_live_threads");
    }

    @Test
    void connectingCountsTheTokenExchangeAndTheCalendarCallsAsSuccesses() {
        double tokens = Metrics.count(CALLS, "api=\"oauth\"", "method=\"POST\"", "outcome=\"success\"");
        double calendar = Metrics.count(CALLS, "api=\"calendar\"", "method=\"GET\"", "outcome=\"success\"");
        TestUser ana = Tokens.newUser("Ana Metrics", "Europe/Berlin");

        Map<String, String> back = GoogleConsent.consent(ana, "");
        given().queryParam("code", back.get("code")).queryParam("state", back.get("state"))
                .when().get("/api/auth/google/callback").then().statusCode(200).body("status", equalTo("connected"));

        assertThat(Metrics.count(CALLS, "api=\"oauth\"", "method=\"POST\"", "outcome=\"success\"")).as("the code exchanged for tokens")
                .isGreaterThanOrEqualTo(tokens + 1);
        assertThat(Metrics.count(CALLS, "api=\"calendar\"", "method=\"GET\"", "outcome=\"success\"")).as("the calendar list read")
                .isGreaterThan(calendar);
    }

    @Test
    void aCodeGoogleRefusesIsCountedAsRefused() {
        double refused = Metrics.count(CALLS, "api=\"oauth\"", "outcome=\"refused\"");
        TestUser ben = Tokens.newUser("Ben Metrics", "UTC");
        Map<String, String> back = GoogleConsent.consent(ben, "");

        given().queryParam("code", "a-code-google-never-issued").queryParam("state", back.get("state"))
                .when().get("/api/auth/google/callback").then().statusCode(400);

        assertThat(Metrics.count(CALLS, "api=\"oauth\"", "outcome=\"refused\"")).isGreaterThanOrEqualTo(refused + 1);
    }
}

package io.schedulr.calcom.calcomapi;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.schedulr.testsupport.OpenApiErrors.Seen;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No CALCOM_API_KEY and no CALCOM_WEBHOOK_SECRET: the service starts and is ready, says the key is missing, the API
 * answers 503, and webhooks are refused with 503 rather than taken unsigned.
 */
@QuarkusTest
@TestProfile(Profiles.NoKey.class)
public class CalcomNoKeyTest {
    private static final Seen API_WITHOUT_KEY = new Seen("GET", "/api/calcom/bookings/abc123", 503, "calcom_unavailable");
    private static final Seen WEBHOOK_WITHOUT_SECRET = new Seen("POST", "/webhooks/calcom", 503, "webhook_secret_not_configured");

    /** The error answers this test sees, for the OpenAPI document's check (OpenApiDocumentTest). */
    public static List<Seen> errorAnswers() {
        return List.of(API_WITHOUT_KEY, WEBHOOK_WITHOUT_SECRET);
    }

    @Test
    void theServiceStartsReadyAndReportsTheMissingKey() {
        given().get("/q/health/ready").then().statusCode(200);
        Response well = given().get("/q/health/well");
        assertThat(well.statusCode()).isEqualTo(503);
        assertThat(well.jsonPath().getString("checks.find { it.name == 'Cal.com API' }.data.state")).isEqualTo("not_configured");
        assertThat(well.jsonPath().getString("checks.find { it.name == 'Cal.com API' }.data.reason")).contains("CALCOM_API_KEY");

        Response api = given().header("Authorization", Tokens.newUser("No Key", "UTC").bearer()).get(API_WITHOUT_KEY.path());
        assertThat(api.statusCode()).as(api.asString()).isEqualTo(API_WITHOUT_KEY.status());
        assertThat(api.jsonPath().getString("code")).isEqualTo(API_WITHOUT_KEY.code());
        assertThat(api.jsonPath().getString("message")).contains("CALCOM_API_KEY");
    }

    @Test
    void withoutAWebhookSecretEveryDeliveryIs503AndNothingIsAcceptedUnsigned() {
        String ping = "{\"triggerEvent\":\"PING\",\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"payload\":{}}";
        for (String signature : new String[] {null, "no-secret-provided",
                "80bec280bd71f16857b1b75c470c1ea8e1cc88c1c36bec11750526a29783427a"}) {
            var request = given().contentType("application/json").body(ping);
            if (signature != null) {
                request = request.header("X-Cal-Signature-256", signature);
            }
            Response answer = request.post(WEBHOOK_WITHOUT_SECRET.path());
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(WEBHOOK_WITHOUT_SECRET.status());
            assertThat(answer.jsonPath().getString("code")).isEqualTo(WEBHOOK_WITHOUT_SECRET.code());
        }
        given().get("/q/health/ready").then().statusCode(200);
    }
}

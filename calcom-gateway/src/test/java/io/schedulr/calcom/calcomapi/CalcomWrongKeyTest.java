package io.schedulr.calcom.calcomapi;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key Cal.com rejects (401): the Cal.com API check is DOWN and says so, the API answers 503 calcom_unavailable, while
 * readiness stays UP and the webhook route keeps answering, so Kubernetes keeps sending Cal.com's webhooks here.
 */
@QuarkusTest
@TestProfile(Profiles.WrongKey.class)
class CalcomWrongKeyTest {

    @Test
    void theCalcomApiCheckIsDownWithTheReasonWhileReadinessAndWebhooksStayUp() {
        Response well = given().get("/q/health/well");
        assertThat(well.statusCode()).as(well.asString()).isEqualTo(503);
        assertThat(well.jsonPath().getString("checks.find { it.name == 'Cal.com API' }.status")).isEqualTo("DOWN");
        assertThat(well.jsonPath().getString("checks.find { it.name == 'Cal.com API' }.data.state")).isEqualTo("key_rejected");
        assertThat(well.jsonPath().getString("checks.find { it.name == 'Cal.com API' }.data.reason"))
                .contains("rejected the configured API key").contains("CALCOM_API_KEY");
        assertThat(well.asString()).doesNotContain(LocalCalcomApiResource.WRONG_KEY).doesNotContain(LocalCalcomApiResource.KEY);

        given().get("/q/health/ready").then().statusCode(200);
        Response webhook = given().contentType(ContentType.JSON)
                .body("{\"triggerEvent\":\"PING\",\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"payload\":{}}").post("/webhooks/calcom");
        assertThat(webhook.statusCode()).as("the webhook route answers for itself (unsigned → 401): " + webhook.asString())
                .isEqualTo(401);
    }

    @Test
    void theApiAnswers503CalcomUnavailableWithoutTheKey() {
        Response response = given().header("Authorization", Tokens.newUser("Key Test", "UTC").bearer()).get("/api/calcom/event-types");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
        assertThat(response.jsonPath().getString("code")).isEqualTo("calcom_unavailable");
        assertThat(response.jsonPath().getString("message")).contains("API key").contains("reference");
        assertThat(response.asString()).doesNotContain(LocalCalcomApiResource.WRONG_KEY);
    }
}

package io.schedulr.calcom.calcomapi;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** No CALCOM_API_KEY: the service starts and is ready, says the key is missing, and the API answers 503. */
@QuarkusTest
@TestProfile(Profiles.NoKey.class)
class CalcomNoKeyTest {

    @Test
    void theServiceStartsReadyAndReportsTheMissingKey() {
        given().get("/q/health/ready").then().statusCode(200);
        Response well = given().get("/q/health/well");
        assertThat(well.statusCode()).isEqualTo(503);
        assertThat(well.jsonPath().getString("checks.find { it.name == 'Cal.com API' }.data.state")).isEqualTo("not_configured");
        assertThat(well.jsonPath().getString("checks.find { it.name == 'Cal.com API' }.data.reason")).contains("CALCOM_API_KEY");

        Response api = given().header("Authorization", Tokens.newUser("No Key", "UTC").bearer()).get("/api/calcom/bookings/abc123");
        assertThat(api.statusCode()).as(api.asString()).isEqualTo(503);
        assertThat(api.jsonPath().getString("code")).isEqualTo("calcom_unavailable");
        assertThat(api.jsonPath().getString("message")).contains("CALCOM_API_KEY");
    }
}

package io.schedulr.calcom.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.testsupport.OpenApiErrors;
import io.schedulr.testsupport.OpenApiErrors.Seen;
import io.schedulr.testsupport.SignedInRoutes;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every route for signed-in callers refuses a query parameter it does not take with {@code 400 unknown_parameter}, after
 * the token (without one: 401), and the OpenAPI document says so; Cal.com's webhook deliveries are judged by their
 * signature, whatever the address configured on Cal.com carries.
 */
@QuarkusTest
class UnknownQueryParametersTest {
    static final TestUser CALLER = Tokens.newUser("Query Caller", "UTC");

    @Test
    void everySignedInRouteRefusesAQueryParameterItDoesNotTakeAndTheDocumentSaysSo() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        List<String[]> operations = SignedInRoutes.of(document, path -> path.replace("{uid}", "abc123"));
        assertThat(operations).extracting(o -> o[0] + " " + o[1]).contains("GET /api/calcom/event-types", "GET /api/calcom/slots",
                "POST /api/calcom/bookings", "GET /api/calcom/bookings/abc123", "POST /api/calcom/bookings/abc123/cancel",
                "POST /api/calcom/bookings/abc123/reschedule");

        List<Seen> seen = new ArrayList<>();
        assertThat(SignedInRoutes.notRefusingAnUnknownParameter(operations, CALLER.bearer(), seen)).isEmpty();
        assertThat(OpenApiErrors.problems(document, seen)).isEmpty();
    }

    @Test
    void aMistypedParameterIsNamedWithTheOnesTheRouteTakes() {
        given().header("Authorization", CALLER.bearer())
                .get("/api/calcom/slots?eventTypeId=1001&start=2031-03-03&ende=2031-03-04").then().statusCode(400)
                .body("code", equalTo("unknown_parameter"))
                .body("message", equalTo("Query parameter 'ende' is not part of this request; "
                        + "it takes end, eventTypeId, lengthInMinutes, start, timeZone."));
    }

    @Test
    void aWebhookDeliveryIsJudgedByItsSignatureNotItsAddress() {
        given().contentType("application/json").body("{\"triggerEvent\":\"BOOKING_CREATED\",\"payload\":{}}")
                .post("/webhooks/calcom?source=calcom").then().statusCode(401)
                .body("code", equalTo("invalid_signature"));
    }
}

package io.schedulr.calendarsync.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
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

/**
 * Every route for signed-in people refuses a query parameter it does not take with {@code 400 unknown_parameter}, after
 * the token (without one: 401), and the OpenAPI document says so; Google's redirect to the callback may carry what Google
 * adds.
 */
@QuarkusTest
class UnknownQueryParametersTest {
    static final TestUser PERSON = Tokens.newUser("Query Person", "UTC");

    @Test
    void everySignedInRouteRefusesAQueryParameterItDoesNotTakeAndTheDocumentSaysSo() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        List<String[]> operations = SignedInRoutes.of(document, path -> path);
        assertThat(operations).extracting(o -> o[0] + " " + o[1]).contains("GET /api/calendar/connection", "GET /api/calendar/free-busy",
                "GET /api/auth/google/start", "POST /api/auth/google/callback");

        List<Seen> seen = new ArrayList<>();
        assertThat(SignedInRoutes.notRefusingAnUnknownParameter(operations, PERSON.bearer(), seen)).isEmpty();
        assertThat(OpenApiErrors.problems(document, seen)).isEmpty();
    }

    @Test
    void aMistypedParameterIsNamedAndGooglesRedirectMayCarryItsOwn() {
        given().header("Authorization", PERSON.bearer()).get("/api/calendar/free-busy?begin=2030-01-01T00:00:00Z").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("unknown_parameter"))
                .body("message", org.hamcrest.Matchers.equalTo("Query parameter 'begin' is not part of this request; it takes end, start."));

        Response redirect = given().redirects().follow(false)
                .get("/api/auth/google/callback?state=unknown&code=x&scope=email&authuser=0&prompt=consent&hd=example.com");
        assertThat(redirect.asString()).as("refused for its unknown state, not for Google's parameters")
                .contains("invalid_state").doesNotContain("unknown_parameter");
    }
}

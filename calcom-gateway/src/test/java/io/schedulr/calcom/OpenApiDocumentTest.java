package io.schedulr.calcom;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.calcom.calcomapi.CalcomApiRoutesTest;
import io.schedulr.calcom.calcomapi.CalcomNoKeyTest;
import io.schedulr.calcom.hardening.CalcomApiAuthorizationMatrixTest;
import io.schedulr.calcom.hardening.CalcomApiBadInputTest;
import io.schedulr.calcom.webhook.CalcomWebhookTest;
import io.schedulr.testsupport.OpenApiCoverage;
import io.schedulr.testsupport.OpenApiCoverage.Route;
import io.schedulr.testsupport.OpenApiErrors;
import io.schedulr.testsupport.OpenApiErrors.Seen;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The OpenAPI document at {@code /q/openapi} describes every route of this service's resource classes (and the shared
 * {@code GET /api/whoami}), signed-in routes with the bearer (JWT) scheme and public ones without it, and every error
 * answer the hardening, route and webhook tests see, under its operation and status, with the {@code {code, message}}
 * schema; Swagger UI is served.
 */
@QuarkusTest
class OpenApiDocumentTest {
    private static final List<Route> ROUTES = OpenApiCoverage.routes("io.schedulr.calcom", "io.schedulr.kit");

    @Test
    void describesEveryRouteWithItsSecurity() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();

        assertThat(ROUTES).extracting(Route::path).contains("/api/whoami", "/api/calcom/bookings/{uid}", "/webhooks/calcom");
        assertThat(OpenApiCoverage.problems(document, "bearer", ROUTES)).isEmpty();
    }

    /** Answered by the router before any operation is chosen (a method a path lacks): not per operation. */
    private static final Set<String> ROUTER_CODES = Set.of("not_found", "method_not_allowed");

    @Test
    void describesEveryErrorAnswerTheTestsSee() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        List<Seen> seen = new ArrayList<>();
        seen.addAll(CalcomApiBadInputTest.errorAnswers());
        seen.addAll(CalcomApiAuthorizationMatrixTest.errorAnswers());
        seen.addAll(CalcomApiRoutesTest.errorAnswers());
        seen.addAll(CalcomNoKeyTest.errorAnswers());
        seen.addAll(CalcomWebhookTest.errorAnswers());
        List<Seen> perOperation = seen.stream().filter(answer -> !ROUTER_CODES.contains(answer.code())).distinct().toList();

        assertThat(perOperation).extracting(Seen::code)
                .contains("invalid_request", "invalid_field", "unknown_field", "unsupported_media_type", "body_too_large", "unauthorized",
                        "calcom_not_found", "calcom_rejected", "calcom_unavailable", "invalid_signature", "invalid_webhook",
                        "webhook_secret_not_configured");
        assertThat(document).as("the filter's working extension is not published").doesNotContain("x-error-codes");
        assertThat(OpenApiErrors.problems(document, perOperation)).isEmpty();
    }

    @Test
    void errorsHaveTheCodeAndMessageSchema() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.ErrorResponse.required", org.hamcrest.Matchers.containsInAnyOrder("code", "message"))
                .body("components.schemas.ErrorResponse.properties.code.type", equalTo("string"))
                .body("paths.'/webhooks/calcom'.post.responses.'401'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ErrorResponse"))
                .body("paths.'/api/calcom/bookings'.post.responses.'429'.content.'application/json'.examples.calcom_rate_limited.value.code",
                        equalTo("calcom_rate_limited"));
    }

    @Test
    void namesTheServiceAndServesSwaggerUi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Schedulr calcom-gateway API"))
                .body("info.version", not(emptyOrNullString()))
                .body("info.description", not(emptyOrNullString()));
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
    }
}

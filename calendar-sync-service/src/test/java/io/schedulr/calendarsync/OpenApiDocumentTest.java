package io.schedulr.calendarsync;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.calendarsync.hardening.ConnectionAuthorizationMatrixTest;
import io.schedulr.calendarsync.hardening.ConnectionBadInputTest;
import io.schedulr.calendarsync.hardening.FreeBusyBadInputTest;
import io.schedulr.calendarsync.hardening.GoogleWebhookHardeningTest;
import io.schedulr.calendarsync.hardening.SignInBadInputTest;
import io.schedulr.testsupport.OpenApiCoverage;
import io.schedulr.testsupport.OpenApiCoverage.Route;
import io.schedulr.testsupport.OpenApiErrors;
import io.schedulr.testsupport.OpenApiErrors.Seen;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The OpenAPI document at {@code /q/openapi} describes every route of this service's resource classes (and the shared
 * {@code GET /api/whoami}), signed-in routes with the bearer (JWT) scheme and public ones without it, and every error
 * answer the hardening tests see, under its operation and status, with the {@code {code, message}} schema; Swagger UI
 * is served.
 */
@QuarkusTest
class OpenApiDocumentTest {
    private static final List<Route> ROUTES = OpenApiCoverage.routes("io.schedulr.calendarsync", "io.schedulr.kit");

    @Test
    void describesEveryRouteWithItsSecurity() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();

        assertThat(ROUTES).extracting(Route::path).contains("/api/whoami", "/api/calendar/connection", "/api/auth/google/callback", "/api/google/webhook",
                "/api/calendar/free-busy", "/internal/free-busy");
        assertThat(OpenApiCoverage.problems(document, "bearer", ROUTES)).isEmpty();
    }

    @Test
    void describesEveryErrorAnswerTheTestsSee() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        List<Seen> seen = new ArrayList<>();
        seen.addAll(ConnectionBadInputTest.errorAnswers());
        seen.addAll(ConnectionAuthorizationMatrixTest.errorAnswers());
        seen.addAll(GoogleWebhookHardeningTest.errorAnswers());
        seen.addAll(SignInBadInputTest.errorAnswers());
        seen.addAll(FreeBusyBadInputTest.errorAnswers());
        seen.add(new Seen("GET", FreeBusyBadInputTest.FREE_BUSY, 503, "google_unavailable")); // FreeBusyTest, Google failing
        seen.add(new Seen("GET", FreeBusyBadInputTest.INTERNAL_FREE_BUSY, 503, "google_unavailable")); // InternalFreeBusyTest
        seen.add(new Seen("GET", FreeBusyBadInputTest.INTERNAL_FREE_BUSY, 503, "service_key_not_configured")); // ServiceKeysTest

        assertThat(seen).extracting(Seen::code)
                .contains("invalid_state", "invalid_code", "consent_denied", "malformed_json", "unsupported_media_type", "body_too_large",
                        "uri_too_long", "unauthorized", "not_a_google_push", "channel_token_mismatch", "unknown_channel", "invalid_start", "invalid_end",
                        "end_before_start", "range_too_long", "invalid_person");
        assertThat(document).as("the filter's working extension is not published").doesNotContain("x-error-codes");
        assertThat(OpenApiErrors.problems(document, seen.stream().distinct().toList())).isEmpty();
    }

    @Test
    void errorsHaveTheCodeAndMessageSchema() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.ErrorResponse.required", org.hamcrest.Matchers.containsInAnyOrder("code", "message"))
                .body("components.schemas.ErrorResponse.properties.code.type", equalTo("string"))
                .body("paths.'/api/google/webhook'.post.responses.'403'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ErrorResponse"))
                .body("paths.'/api/auth/google/callback'.get.responses.'503'.content.'application/json'.examples.google_unavailable.value.code",
                        equalTo("google_unavailable"));
    }

    /** The internal route: tagged Internal, the key as a required header, no bearer scheme, its 401 saying which credential. */
    @Test
    void describesTheInternalRouteWithItsServiceKey() {
        String operation = "paths.'/internal/free-busy'.get";
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(operation + ".tags", org.hamcrest.Matchers.contains("Internal"))
                .body("tags.find { it.name == 'Internal' }.description", containsString("not exposed by the ingress"))
                .body(operation + ".parameters.find { it.name == 'X-Schedulr-Service-Key' }.in", equalTo("header"))
                .body(operation + ".parameters.find { it.name == 'X-Schedulr-Service-Key' }.required", equalTo(true))
                .body(operation + ".parameters.find { it.name == 'person' }.required", equalTo(true))
                .body(operation + ".security", org.hamcrest.Matchers.nullValue())
                .body(operation + ".responses.'200'.content.'application/json'.schema.'$ref'", equalTo("#/components/schemas/FreeBusy"))
                .body(operation + ".responses.'401'.description", containsString("X-Schedulr-Service-Key"))
                .body(operation + ".responses.'503'.description", containsString("No service key is configured"))
                .body(operation + ".responses.'401'.content.'application/json'.examples.unauthorized.value.message",
                        containsString("X-Schedulr-Service-Key"))
                .body(operation + ".responses.'503'.content.'application/json'.examples.keySet()",
                        org.hamcrest.Matchers.containsInAnyOrder("service_key_not_configured", "google_unavailable",
                                "temporarily_unavailable"));
    }

    @Test
    void namesTheServiceAndServesSwaggerUi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Schedulr calendar-sync-service API"))
                .body("info.version", not(emptyOrNullString()))
                .body("info.description", not(emptyOrNullString()));
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
    }
}

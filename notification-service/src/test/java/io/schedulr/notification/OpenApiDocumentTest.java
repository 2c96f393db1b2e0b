package io.schedulr.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.notification.flow.HookWithoutSecretTest;
import io.schedulr.notification.hardening.AuthorizationMatrixTest;
import io.schedulr.notification.hardening.BadInputTableTest;
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
 * answer the hardening and flow tests see, under its operation and status, with the {@code {code, message}} schema;
 * Swagger UI is served.
 */
@QuarkusTest
class OpenApiDocumentTest {
    private static final List<Route> ROUTES = OpenApiCoverage.routes("io.schedulr.notification", "io.schedulr.kit");

    @Test
    void describesEveryRouteWithItsSecurity() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();

        assertThat(ROUTES).extracting(Route::path).contains("/api/whoami", "/api/rooms/{roomId}/deliveries", "/api/hooks/email-status",
                INVITATION_MAILS);
        assertThat(OpenApiCoverage.problems(document, "bearer", ROUTES)).isEmpty();
    }

    /** Answered by the router before any operation is chosen (an unknown path, a method a path lacks): not per operation. */
    private static final Set<String> ROUTER_CODES = Set.of("not_found", "method_not_allowed");

    @Test
    void describesEveryErrorAnswerTheTestsSee() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        List<Seen> seen = new ArrayList<>();
        seen.addAll(BadInputTableTest.errorAnswers());
        seen.addAll(AuthorizationMatrixTest.errorAnswers());
        seen.addAll(HookWithoutSecretTest.errorAnswers());
        // without a configured key the internal route is off (service-kit's ServiceKeysTest); the test profile configures keys
        seen.add(new Seen("GET", "/internal/interviews/3f6c2a9e-1b7d-4c5e-9a8f-2d4b6c8e0f12/invitation-mails", 503, "service_key_not_configured"));
        List<Seen> perOperation = seen.stream().filter(answer -> !ROUTER_CODES.contains(answer.code())).distinct().toList();

        assertThat(perOperation).extracting(Seen::code)
                .contains("invalid_room_id", "room_not_found", "unauthorized", "malformed_json", "unknown_message", "hook_not_configured",
                        "body_too_large", "uri_too_long", "headers_too_large", "invalid_interview_id", "unknown_parameter",
                        "service_key_not_configured");
        assertThat(document).as("the filter's working extension is not published").doesNotContain("x-error-codes");
        assertThat(OpenApiErrors.problems(document, perOperation)).isEmpty();
    }

    @Test
    void errorsHaveTheCodeAndMessageSchema() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.ErrorResponse.required", org.hamcrest.Matchers.containsInAnyOrder("code", "message"))
                .body("components.schemas.ErrorResponse.properties.code.type", equalTo("string"))
                .body("paths.'/api/rooms/{roomId}/deliveries'.get.responses.'404'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ErrorResponse"))
                .body("paths.'/api/hooks/email-status'.post.responses.'400'.content.'application/json'.examples.missing_field.value.code",
                        equalTo("missing_field"));
    }

    private static final String INVITATION_MAILS = "/internal/interviews/{interviewId}/invitation-mails";

    /** The internal route: tagged Internal, the key as a required header, no bearer scheme, its 401 saying which credential. */
    @Test
    void describesTheInternalRouteWithItsServiceKey() {
        String operation = "paths.'" + INVITATION_MAILS + "'.get";
        String mail = "components.schemas.InvitationMail";
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(operation + ".tags", org.hamcrest.Matchers.contains("Internal"))
                .body("tags.find { it.name == 'Internal' }.description", containsString("not exposed by the ingress"))
                .body(operation + ".parameters.find { it.name == 'X-Schedulr-Service-Key' }.in", equalTo("header"))
                .body(operation + ".parameters.find { it.name == 'X-Schedulr-Service-Key' }.required", equalTo(true))
                .body(operation + ".security", org.hamcrest.Matchers.nullValue())
                .body(operation + ".responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/InvitationMails"))
                .body(mail + ".properties.keySet()", org.hamcrest.Matchers.containsInAnyOrder("recipient", "method", "sequence", "state",
                        "at", "detail"))
                .body(mail + ".properties.state.enum", org.hamcrest.Matchers.containsInAnyOrder("WAITING", "RETRYING", "SENT", "DELIVERED",
                        "DELAYED", "BOUNCED", "COMPLAINED", "UNDELIVERABLE", "LEFT_TO_GOOGLE"))
                .body(operation + ".responses.'401'.description", containsString("X-Schedulr-Service-Key"))
                .body(operation + ".responses.'401'.content.'application/json'.examples.unauthorized.value.message",
                        containsString("X-Schedulr-Service-Key"))
                .body(operation + ".responses.'400'.content.'application/json'.examples.keySet()",
                        org.hamcrest.Matchers.containsInAnyOrder("unknown_parameter", "invalid_interview_id"))
                .body(operation + ".responses.'503'.content.'application/json'.examples.keySet()",
                        org.hamcrest.Matchers.containsInAnyOrder("service_key_not_configured", "temporarily_unavailable"));
    }

    @Test
    void namesTheServiceAndServesSwaggerUi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Schedulr notification-service API"))
                .body("info.version", not(emptyOrNullString()))
                .body("info.description", not(emptyOrNullString()));
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
    }
}

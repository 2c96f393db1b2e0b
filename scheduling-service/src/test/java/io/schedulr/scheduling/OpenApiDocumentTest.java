package io.schedulr.scheduling;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.testsupport.OpenApiCoverage;
import io.schedulr.testsupport.OpenApiCoverage.Route;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The OpenAPI document at {@code /q/openapi} describes every route of this service's resource classes (and the shared
 * {@code GET /api/whoami}), signed-in routes with the bearer (JWT) scheme and public ones without it; Swagger UI is served.
 */
@QuarkusTest
class OpenApiDocumentTest {
    private static final List<Route> ROUTES = OpenApiCoverage.routes("io.schedulr.scheduling", "io.schedulr.kit");

    @Test
    void describesEveryRouteWithItsSecurity() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();

        assertThat(ROUTES).extracting(Route::path).contains("/api/whoami", "/api/practice-room/create", "/api/interviews");
        assertThat(OpenApiCoverage.problems(document, "bearer", ROUTES)).isEmpty();
    }

    @Test
    void namesTheServiceAndServesSwaggerUi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Schedulr scheduling-service API"))
                .body("info.version", not(emptyOrNullString()))
                .body("info.description", not(emptyOrNullString()));
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
    }
}

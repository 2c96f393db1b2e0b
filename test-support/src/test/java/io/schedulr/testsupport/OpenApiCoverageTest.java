package io.schedulr.testsupport;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.schedulr.testsupport.OpenApiCoverage.Route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class OpenApiCoverageTest {

    @Path("/api/things")
    @Authenticated
    static class ThingResource {
        @GET
        public String list() {
            return "";
        }

        @DELETE
        @Path("/{id: [0-9]+}/")
        @RolesAllowed("admin")
        public void delete() {
        }

        @POST
        @Path("hooks")
        @PermitAll
        public void hook() {
        }

        public void helper() {
        }
    }

    @Path("/v2/upstream")
    interface UpstreamClient {
        @GET
        String get();
    }

    private final List<Route> routes = OpenApiCoverage.routesOf(
            new ClassFileImporter().importClasses(ThingResource.class, UpstreamClient.class));

    @Test
    void readsEveryResourceMethodButNotClientInterfaces() {
        assertThat(routes).extracting(Route::method, Route::path, Route::signedIn).containsExactly(
                tuple("GET", "/api/things", true),
                tuple("POST", "/api/things/hooks", false),
                tuple("DELETE", "/api/things/{id}", true));
    }

    @Test
    void aCompleteDocumentHasNoProblems() {
        assertThat(OpenApiCoverage.problems(document(true, true), "bearer", routes)).isEmpty();
    }

    @Test
    void aMissingOperationIsNamed() {
        assertThat(OpenApiCoverage.problems(document(false, true), "bearer", routes))
                .singleElement().asString().contains("missing", "DELETE /api/things/{id}", "ThingResource.delete");
    }

    @Test
    void aMissingBearerSchemeIsNamed() {
        assertThat(OpenApiCoverage.problems(document(true, false), "bearer", routes))
                .singleElement().asString().contains("no HTTP bearer security scheme named bearer");
    }

    @Test
    void aSignedInRouteWithoutTheRequirementIsNamed() {
        String json = document(true, true).replace("\"get\": {\"security\": [{\"bearer\": []}]}", "\"get\": {}");
        assertThat(OpenApiCoverage.problems(json, "bearer", routes))
                .singleElement().asString().contains("without the bearer requirement", "GET /api/things");
    }

    private static String document(boolean withDelete, boolean withScheme) {
        return """
                {"openapi": "3.1.0",
                 "components": {"securitySchemes": {%s}},
                 "paths": {
                   "/api/things": {"get": {"security": [{"bearer": []}]}},
                   "/api/things/hooks": {"post": {}},
                   "/api/things/{id}": {%s}
                 }}
                """.formatted(
                withScheme ? "\"bearer\": {\"type\": \"http\", \"scheme\": \"bearer\", \"bearerFormat\": \"JWT\"}" : "",
                withDelete ? "\"delete\": {\"security\": [{\"bearer\": [\"admin\"]}]}" : "");
    }
}

package io.schedulr.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErrorResponsesFilterTest {
    enum ThingError implements DocumentedError {
        THING_NOT_FOUND(404, "thing_not_found", "No thing 7."),
        UNAUTHORIZED(401, "unauthorized", "A valid bearer token is required."),
        BODY_TOO_LARGE(413, "body_too_large", "The request body is too large."),
        INTERNAL_ERROR(500, "internal_error", "Something went wrong.");

        private final int status;
        private final String code;
        private final String exampleMessage;

        ThingError(int status, String code, String exampleMessage) {
            this.status = status;
            this.code = code;
            this.exampleMessage = exampleMessage;
        }

        @Override
        public int status() {
            return status;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String exampleMessage() {
            return exampleMessage;
        }
    }

    static class ThingErrorsFilter extends ErrorResponsesFilter<ThingError> {
        @Override
        protected Optional<ThingError> named(String name) {
            return constantNamed(ThingError.class, name);
        }

        @Override
        protected List<ThingError> signedIn() {
            return List.of(ThingError.UNAUTHORIZED);
        }

        @Override
        protected List<ThingError> onABody() {
            return List.of(ThingError.BODY_TOO_LARGE);
        }

        @Override
        protected List<ThingError> everywhere() {
            return List.of(ThingError.INTERNAL_ERROR);
        }

        @Override
        protected Map<Integer, String> descriptions() {
            return Map.of(404, "No such thing.");
        }

        @Override
        protected String schemaExampleCode() {
            return "thing_not_found";
        }

        @Override
        protected String schemaExampleMessage() {
            return "No thing 7.";
        }
    }

    @Test
    void answersOwnAndSharedErrorsWithExamplesKeyedByCode() {
        Operation operation = signedInPostWithBody("THING_NOT_FOUND");
        OpenAPI openAPI = documentWith(operation);

        new ThingErrorsFilter().filterOpenAPI(openAPI);

        APIResponses responses = operation.getResponses();
        assertThat(responses.getAPIResponses()).containsOnlyKeys("200", "401", "404", "413", "500");
        assertThat(responses.getAPIResponse("404").getDescription()).isEqualTo("No such thing.");
        assertThat(responses.getAPIResponse("413").getDescription()).isEqualTo("Refused.");
        MediaType json = responses.getAPIResponse("404").getContent().getMediaType("application/json");
        assertThat(json.getSchema().getRef()).endsWith(ErrorResponsesFilter.SCHEMA);
        assertThat(json.getExamples()).containsOnlyKeys("thing_not_found");
        assertThat(json.getExamples().get("thing_not_found").getValue()).isEqualTo(Map.of("code", "thing_not_found", "message", "No thing 7."));
        assertThat(operation.getExtensions()).doesNotContainKey(ErrorResponsesFilter.CODES);
        assertThat(openAPI.getComponents().getSchemas()).containsKey(ErrorResponsesFilter.SCHEMA);
    }

    @Test
    void refusesAnErrorTheCatalogDoesNotList() {
        OpenAPI openAPI = documentWith(signedInPostWithBody("THING_NOT_FOUND NO_SUCH_ERROR"));

        assertThatThrownBy(() -> new ThingErrorsFilter().filterOpenAPI(openAPI))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("POST /things").hasMessageContaining("NO_SUCH_ERROR");
    }

    /** With a body-less 403 as Quarkus adds to secured operations. */
    private static Operation signedInPostWithBody(String codes) {
        return OASFactory.createOperation()
                .addExtension(ErrorResponsesFilter.CODES, codes)
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"))
                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent()))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("Done."))
                        .addAPIResponse("403", OASFactory.createAPIResponse().description("Not Allowed")));
    }

    private static OpenAPI documentWith(Operation post) {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem("/things", OASFactory.createPathItem().POST(post)));
    }
}

package io.schedulr.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErrorResponsesFilterTest {
    enum ThingError implements DocumentedError {
        THING_NOT_FOUND(404, "thing_not_found", "No thing 7."),
        MALFORMED_JSON(400, "malformed_json", "The thing is not JSON.");

        private final Entry entry;

        ThingError(int status, String code, String exampleMessage) {
            this.entry = new Entry(status, code, exampleMessage);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** Its own catalog, service-kit's everywhere and on bodies, and only what differs described. */
    static class ThingErrorsFilter extends ErrorResponsesFilter {
        @Override
        protected Optional<ThingError> named(String name) {
            return constantNamed(ThingError.class, name);
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
        assertThat(responses.getAPIResponses()).containsOnlyKeys("200", "401", "404", "413", "414", "431", "500", "503");
        assertThat(responses.getAPIResponse("503").getContent().getMediaType("application/json").getExamples())
                .containsOnlyKeys("temporarily_unavailable");
        assertThat(responses.getAPIResponse("404").getDescription()).isEqualTo("No such thing.");
        assertThat(responses.getAPIResponse("413").getDescription()).isEqualTo("The request body is over the size limit.");
        assertThat(responses.getAPIResponse("401").getContent().getMediaType("application/json").getExamples())
                .containsOnlyKeys("unauthorized");
        MediaType json = responses.getAPIResponse("404").getContent().getMediaType("application/json");
        assertThat(json.getSchema().getRef()).endsWith(ErrorResponsesFilter.SCHEMA);
        assertThat(json.getExamples()).containsOnlyKeys("thing_not_found");
        assertThat(json.getExamples().get("thing_not_found").getValue()).isEqualTo(Map.of("code", "thing_not_found", "message", "No thing 7."));
        assertThat(operation.getExtensions()).doesNotContainKey(ErrorResponsesFilter.CODES);
        assertThat(openAPI.getComponents().getSchemas()).containsKey(ErrorResponsesFilter.SCHEMA);
    }

    @Test
    void findsServiceKitsErrorsByNameOrCodeAndTheServicesOwnFirst() {
        Operation operation = signedInPostWithBody("UNSUPPORTED_MEDIA_TYPE unknown_field MALFORMED_JSON");
        OpenAPI openAPI = documentWith(operation);

        new ThingErrorsFilter().filterOpenAPI(openAPI);

        APIResponses responses = operation.getResponses();
        assertThat(responses.getAPIResponse("415").getContent().getMediaType("application/json").getExamples())
                .containsOnlyKeys("unsupported_media_type");
        assertThat(responses.getAPIResponse("415").getDescription()).isEqualTo("The body is not application/json.");
        Map<String, Example> refusals = responses.getAPIResponse("400").getContent()
                .getMediaType("application/json").getExamples();
        assertThat(refusals).containsOnlyKeys("unknown_field", "malformed_json");
        assertThat(refusals.get("malformed_json").getSummary()).as("the service's own example").isEqualTo("The thing is not JSON.");
        assertThat(refusals.get("unknown_field").getSummary()).isEqualTo(CommonError.UNKNOWN_FIELD.exampleMessage());
        assertThat(responses.getAPIResponse("400").getDescription()).isEqualTo("Refused.");
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

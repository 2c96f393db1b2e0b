package io.schedulr.calcom.adapter.in.rest.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes every operation's error answers into the OpenAPI document ({@code mp.openapi.filter}): for each status, an
 * {@code application/json} body of the {@value #SCHEMA} schema with one example per error code, keyed by the code.
 * <ul>
 *   <li>An operation's own errors are named on the resource method by {@link ErrorCode} constant,
 *       {@code @Extension(name = ErrorResponsesFilter.CODES, value = "INVALID_FIELD CALCOM_NOT_FOUND")}; an unknown name
 *       fails the document's build, so a typo cannot hide.</li>
 *   <li>What many operations answer alike is added here: 401 where the bearer scheme is required, the body size limit
 *       where there is a request body, and on every operation the URI and header limits of service-kit and the 500.</li>
 * </ul>
 */
public class ErrorResponsesFilter implements OASFilter {
    /** The operation extension naming its own {@link ErrorCode}s, separated by spaces; removed from the published document. */
    public static final String CODES = "x-error-codes";
    public static final String SCHEMA = "ErrorResponse";
    private static final String BEARER = "bearer";
    private static final List<ErrorCode> ON_A_BODY = List.of(ErrorCode.BODY_TOO_LARGE);
    private static final List<ErrorCode> EVERYWHERE = List.of(ErrorCode.URI_TOO_LONG, ErrorCode.HEADERS_TOO_LARGE, ErrorCode.INTERNAL_ERROR);
    private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(400, "The request is malformed or a value is refused; the code and message name which."),
            Map.entry(401, "Not authenticated: no valid bearer token, or (webhook) no valid signature."),
            Map.entry(404, "Cal.com does not know it, or the caller may not see it."),
            Map.entry(413, "The request body is over the size limit."),
            Map.entry(414, "The request URI is over the length limit."),
            Map.entry(415, "The body is not application/json."),
            Map.entry(422, "Cal.com refused the request; the message repeats its reason."),
            Map.entry(429, "Cal.com's rate limit is reached; Retry-After says when to try again."),
            Map.entry(431, "The request headers are over the size limit."),
            Map.entry(500, "Unexpected failure; it has been logged."),
            Map.entry(503, "Cal.com cannot be used right now (unreachable, or this service's key is missing or refused), "
                    + "or (webhook) no secret is configured."));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, errorSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                describeErrors(method + " " + path, operation, openAPI.getSecurity())));
    }

    private static void describeErrors(String where, Operation operation, List<SecurityRequirement> documentSecurity) {
        Set<ErrorCode> codes = new LinkedHashSet<>(ownCodes(where, operation));
        dropGuessedErrors(operation);
        if (requiresBearer(operation, documentSecurity)) {
            codes.add(ErrorCode.UNAUTHORIZED);
        }
        if (operation.getRequestBody() != null) {
            codes.addAll(ON_A_BODY);
        }
        codes.addAll(EVERYWHERE);
        Map<Integer, List<ErrorCode>> byStatus = new TreeMap<>();
        codes.forEach(code -> byStatus.computeIfAbsent(code.status(), s -> new ArrayList<>()).add(code));
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        byStatus.forEach((status, ofStatus) -> addExamples(operation.getResponses(), status, ofStatus));
    }

    /**
     * SmallRye guesses some error answers without a body (e.g. 403 on every signed-in route); none of them is one this
     * service gives without our examples, so the ones this filter does not describe are dropped.
     */
    private static void dropGuessedErrors(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        List<String> guessed = operation.getResponses().getAPIResponses().entrySet().stream()
                .filter(e -> e.getKey().matches("[45]\\d\\d") && e.getValue().getContent() == null)
                .map(Map.Entry::getKey).toList();
        guessed.forEach(operation.getResponses()::removeAPIResponse);
    }

    /**
     * The operation's own codes; SmallRye copies a method's extension onto its request body, responses and method-level
     * parameters, so it is removed there too.
     */
    private static List<ErrorCode> ownCodes(String where, Operation operation) {
        Object named = operation.getExtensions() == null ? null : operation.getExtensions().get(CODES);
        if (named == null) {
            return List.of();
        }
        operation.removeExtension(CODES);
        if (operation.getRequestBody() != null) {
            operation.getRequestBody().removeExtension(CODES);
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(response -> response.removeExtension(CODES));
        }
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> parameter.removeExtension(CODES));
        }
        List<ErrorCode> codes = new ArrayList<>();
        for (String name : named.toString().split("[\\s,]+")) {
            if (!name.isEmpty()) {
                try {
                    codes.add(ErrorCode.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(where + " names error " + name + ", which ErrorCode does not list", e);
                }
            }
        }
        return codes;
    }

    private static boolean requiresBearer(Operation operation, List<SecurityRequirement> documentSecurity) {
        List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity() : documentSecurity;
        return security != null && security.stream().filter(Objects::nonNull).anyMatch(r -> r.hasScheme(BEARER));
    }

    private static void addExamples(APIResponses responses, int status, List<ErrorCode> codes) {
        String key = String.valueOf(status);
        APIResponse response = responses.getAPIResponse(key);
        if (response == null) {
            response = OASFactory.createAPIResponse();
            responses.addAPIResponse(key, response);
        }
        if (response.getDescription() == null || response.getDescription().equals(reasonPhrase(status))) {
            response.setDescription(DESCRIPTIONS.getOrDefault(status, "Refused."));
        }
        if (response.getContent() == null) {
            response.setContent(OASFactory.createContent());
        }
        Content content = response.getContent();
        MediaType json = content.getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        if (json == null) {
            json = OASFactory.createMediaType();
            content.addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON, json);
        }
        json.setSchema(OASFactory.createSchema().ref(SCHEMA));
        for (ErrorCode code : codes) {
            json.addExample(code.code(), OASFactory.createExample().summary(code.exampleMessage()).value(body(code)));
        }
    }

    /** What SmallRye writes as the description of an error answer it adds by itself, e.g. "Bad Request". */
    private static String reasonPhrase(int status) {
        jakarta.ws.rs.core.Response.Status known = jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
        return known == null ? null : known.getReasonPhrase();
    }

    private static Map<String, Object> body(ErrorCode code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code.code());
        body.put("message", code.exampleMessage());
        return body;
    }

    private static Schema errorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("The body of every error answer: a stable machine-readable code and a sentence for people.")
                .addRequired("code").addRequired("message")
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Stable, machine-readable error code; the examples of each answer list the codes an operation "
                                + "gives with that status.").examples(List.of("calcom_not_found")))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What went wrong, in a sentence for people; its wording may change.")
                        .examples(List.of("No booking abcDEF123.")));
    }
}

package io.schedulr.scheduling.adapter.in.rest.openapi;

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
 * Writes every operation's error answers into the OpenAPI document (mp.openapi.filter): for each status, an
 * {@code application/json} body of the {@value #SCHEMA} schema with one example per error code, keyed by the code.
 * <ul>
 *   <li>The codes of the operation itself are named on the resource method, {@code @Extension(name = ErrorResponsesFilter.CODES,
 *       value = "room_not_found not_room_host")}; their status and example message come from {@link ErrorCode}. An unknown
 *       code fails the build of the document, so a typo cannot hide.</li>
 *   <li>What the service answers on many operations alike is derived here: 401 and the
 *       refusals of tokens without a usable email address, the JSON and media-type refusals and the body size limit where there is a request body, and on every operation the
 *       request size limits of service-kit and the 500.</li>
 * </ul>
 */
public class ErrorResponsesFilter implements OASFilter {
    /** The operation extension naming its own error codes, separated by spaces or commas; removed from the published document. */
    public static final String CODES = "x-error-codes";
    public static final String SCHEMA = "ErrorResponse";
    private static final String BEARER = "bearer";
    /** Who is signed in is read on every such operation, and a token without a usable address is refused then. */
    private static final List<ErrorCode> SIGNED_IN = List.of(ErrorCode.UNAUTHORIZED, ErrorCode.EMAIL_REQUIRED, ErrorCode.EMAIL_UNVERIFIED,
            ErrorCode.EMAIL_UNUSABLE);
    private static final List<ErrorCode> ON_A_BODY = List.of(ErrorCode.MALFORMED_JSON, ErrorCode.INVALID_BODY, ErrorCode.INVALID_FIELD,
            ErrorCode.UNKNOWN_FIELD, ErrorCode.BODY_TOO_LARGE, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    private static final List<ErrorCode> EVERYWHERE = List.of(ErrorCode.URI_TOO_LONG, ErrorCode.HEADERS_TOO_LARGE, ErrorCode.INTERNAL_ERROR);
    /** What Quarkus writes on the 401 and 403 it adds to secured operations; ours say which refusals they are. */
    private static final Set<String> QUARKUS_DEFAULTS = Set.of("Not Authorized", "Not Allowed");
    private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(400, "The request is malformed or a value is refused; the code names which."),
            Map.entry(401, "No valid bearer token."),
            Map.entry(403, "Signed in, but not allowed to do this (or the token has no usable, verified email address)."),
            Map.entry(404, "What the request names does not exist, or the caller may not see it."),
            Map.entry(409, "Clashes with what exists, or with a change made at the same moment."),
            Map.entry(413, "The request body is over the size limit."),
            Map.entry(414, "The request URI is over the length limit."),
            Map.entry(415, "The body is not application/json."),
            Map.entry(422, "Understood, but the current state does not allow it."),
            Map.entry(429, "Cal.com's rate limit is reached; Retry-After says when to try again."),
            Map.entry(431, "The request headers are over the size limit."),
            Map.entry(500, "Unexpected failure; it has been logged."),
            Map.entry(502, "The video provider failed; nothing was saved."),
            Map.entry(503, "Cal.com cannot be reached; nothing was changed."));

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
        if (requiresBearer(operation, documentSecurity)) {
            codes.addAll(SIGNED_IN);
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

    private static List<ErrorCode> ownCodes(String where, Operation operation) {
        Object named = operation.getExtensions() == null ? null : operation.getExtensions().get(CODES);
        if (named == null) {
            return List.of();
        }
        // SmallRye also copies a method's extensions onto the request body and responses annotated on it.
        operation.removeExtension(CODES);
        if (operation.getRequestBody() != null) {
            operation.getRequestBody().removeExtension(CODES);
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(response -> response.removeExtension(CODES));
        }
        List<ErrorCode> codes = new ArrayList<>();
        for (String code : named.toString().split("[\\s,]+")) {
            if (!code.isEmpty()) {
                codes.add(ErrorCode.of(code).orElseThrow(() -> new IllegalStateException(
                        where + " names error code '" + code + "', which ErrorCode does not list")));
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
        if (response.getDescription() == null || QUARKUS_DEFAULTS.contains(response.getDescription())) {
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

    private static Map<String, Object> body(ErrorCode code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code.code());
        body.put("message", code.exampleMessage());
        if (code == ErrorCode.CALENDAR_NOT_CONNECTED) {
            body.put("connectUrl", "https://calendar.schedulr.example/api/auth/google/start");
        }
        return body;
    }

    private static Schema errorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("The body of every error answer: a stable machine-readable code and a sentence for people.")
                .addRequired("code").addRequired("message")
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Stable, machine-readable error code, e.g. room_already_booked or invalid_datetime; the examples of each "
                                + "answer list the codes an operation can give with that status.").examples(List.of("room_not_found")))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What went wrong, in a sentence for people; its wording may change.")
                        .examples(List.of("No practice room 3f6c2a9e-1b7d-4c5e-9a8f-2d4b6c8e0f12.")))
                .addProperty("connectUrl", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .description("Only with calendar_not_connected: where the caller connects their Google Calendar."));
    }
}

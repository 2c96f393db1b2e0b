package io.schedulr.kit.openapi;

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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes every operation's error answers into the OpenAPI document: for each status, an {@code application/json} body of
 * the {@value #SCHEMA} schema with one example per error code, keyed by the code. A service subclasses it with its error
 * catalog and names the subclass in {@code mp.openapi.filter} (an OASFilter is instantiated by class name, not as a bean).
 * <ul>
 *   <li>An operation's own errors are named on the resource method, {@code @Extension(name = ErrorResponsesFilter.CODES,
 *       value = "...")}, as the service's {@link #named} reads them, or else as one of service-kit's {@link CommonError}s;
 *       an unknown name fails the document's build, so a typo cannot hide.</li>
 *   <li>What many operations answer alike is added here: the {@link #signedIn} errors where the bearer scheme is
 *       required, the {@link #onABody} errors where there is a request body, and the {@link #everywhere} errors on every
 *       operation — by default service-kit's own, which a service widens.</li>
 * </ul>
 */
public abstract class ErrorResponsesFilter implements OASFilter {
    /** The operation extension naming its own errors, separated by spaces or commas; removed from the published document. */
    public static final String CODES = "x-error-codes";
    public static final String SCHEMA = "ErrorResponse";
    private static final String BEARER = "bearer";
    /** What Quarkus writes on the 401 and 403 it adds to secured operations; ours say which refusals they are. */
    private static final Set<String> QUARKUS_DEFAULTS = Set.of("Not Authorized", "Not Allowed");

    /** What service-kit's own answers mean; a service's {@link #descriptions} say it for their service where they differ. */
    private static final Map<Integer, String> COMMON_DESCRIPTIONS = Map.of(
            401, "No valid bearer token.",
            413, "The request body is over the size limit.",
            414, "The request URI is over the length limit.",
            415, "The body is not application/json.",
            431, "The request headers are over the size limit.",
            500, "Unexpected failure; it has been logged.",
            503, "Something this service needs cannot be reached right now (its database, …); try again in a moment.");

    /** The service's own catalog entry a resource method names in {@link #CODES}, if there is one. */
    protected abstract Optional<? extends DocumentedError> named(String name);

    /** Added to every operation that requires the bearer scheme. */
    protected List<? extends DocumentedError> signedIn() {
        return List.of(CommonError.UNAUTHORIZED);
    }

    /** Added to every operation with a request body. */
    protected List<? extends DocumentedError> onABody() {
        return List.of(CommonError.BODY_TOO_LARGE);
    }

    /** Added to every operation. */
    protected List<? extends DocumentedError> everywhere() {
        return List.of(CommonError.URI_TOO_LONG, CommonError.HEADERS_TOO_LARGE, CommonError.INTERNAL_ERROR,
                CommonError.TEMPORARILY_UNAVAILABLE);
    }

    /**
     * The description of each status's answer where the service's differs from service-kit's; a status described by
     * neither is "Refused.".
     */
    protected abstract Map<Integer, String> descriptions();

    /** The example code of the {@value #SCHEMA} schema's {@code code} property. */
    protected abstract String schemaExampleCode();

    /** The example message of the {@value #SCHEMA} schema's {@code message} property. */
    protected abstract String schemaExampleMessage();

    protected String codeDescription() {
        return "Stable, machine-readable error code; the examples of each answer list the codes an operation gives with that status.";
    }

    /**
     * SmallRye guesses some error answers without a body (e.g. 400 where a body is validated, 403 on every signed-in
     * route). By default they are dropped and the ones the service gives are written anew, in status order; a service
     * whose document keeps them in their place and wording (e.g. "Bad Request"), filled in with its examples, says so here.
     */
    protected boolean keepsGuessedErrors() {
        return false;
    }

    /** The example body of an error; a service whose errors carry more than code and message adds it here. */
    protected Map<String, Object> exampleBody(DocumentedError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", error.code());
        body.put("message", error.exampleMessage());
        return body;
    }

    /** The {@value #SCHEMA} schema; a service whose errors carry more than code and message adds its properties here. */
    protected Schema errorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("The body of every error answer: a stable machine-readable code and a sentence for people.")
                .addRequired("code").addRequired("message")
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description(codeDescription()).examples(List.of(schemaExampleCode())))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What went wrong, in a sentence for people; its wording may change.")
                        .examples(List.of(schemaExampleMessage())));
    }

    /** For catalogs whose resources name errors by enum constant, e.g. {@code "ROOM_NOT_FOUND"}. */
    protected static <C extends Enum<C>> Optional<C> constantNamed(Class<C> catalog, String name) {
        try {
            return Optional.of(Enum.valueOf(catalog, name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

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

    private void describeErrors(String where, Operation operation, List<SecurityRequirement> documentSecurity) {
        Set<DocumentedError> errors = new LinkedHashSet<>(ownErrors(where, operation));
        if (!keepsGuessedErrors()) {
            dropGuessedErrors(operation);
        }
        if (requiresBearer(operation, documentSecurity)) {
            errors.addAll(signedIn());
        }
        if (operation.getRequestBody() != null) {
            errors.addAll(onABody());
        }
        errors.addAll(everywhere());
        Map<Integer, List<DocumentedError>> byStatus = new TreeMap<>();
        errors.forEach(error -> byStatus.computeIfAbsent(error.status(), s -> new ArrayList<>()).add(error));
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        byStatus.forEach((status, ofStatus) -> addExamples(operation.getResponses(), status, ofStatus));
    }

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
     * The operation's own errors; SmallRye copies a method's extension onto its request body, responses and method-level
     * parameters, so it is removed there too.
     */
    private List<DocumentedError> ownErrors(String where, Operation operation) {
        Object named = operation.getExtensions() == null ? null : operation.getExtensions().get(CODES);
        if (named == null) {
            return List.of();
        }
        operation.removeExtension(CODES);
        if (operation.getRequestBody() != null) {
            operation.getRequestBody().removeExtension(CODES);
        }
        if (operation.getResponses() != null) {
            // With a method-level response that has headers, SmallRye copies it onto the responses map as well.
            operation.getResponses().removeExtension(CODES);
            if (operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(response -> response.removeExtension(CODES));
            }
        }
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> parameter.removeExtension(CODES));
        }
        List<DocumentedError> errors = new ArrayList<>();
        for (String name : named.toString().split("[\\s,]+")) {
            if (!name.isEmpty()) {
                errors.add(catalogued(name).orElseThrow(() -> new IllegalStateException(
                        where + " names error '" + name + "', which neither the service's error catalog nor CommonError lists")));
            }
        }
        return errors;
    }

    private Optional<DocumentedError> catalogued(String name) {
        Optional<? extends DocumentedError> own = named(name);
        return own.isPresent() ? Optional.of(own.get()) : CommonError.named(name).map(DocumentedError.class::cast);
    }

    private static boolean requiresBearer(Operation operation, List<SecurityRequirement> documentSecurity) {
        List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity() : documentSecurity;
        return security != null && security.stream().filter(Objects::nonNull).anyMatch(r -> r.hasScheme(BEARER));
    }

    private void addExamples(APIResponses responses, int status, List<DocumentedError> errors) {
        String key = String.valueOf(status);
        APIResponse response = responses.getAPIResponse(key);
        if (response == null) {
            response = OASFactory.createAPIResponse();
            responses.addAPIResponse(key, response);
        }
        if (response.getDescription() == null || QUARKUS_DEFAULTS.contains(response.getDescription())) {
            response.setDescription(descriptions().getOrDefault(status, COMMON_DESCRIPTIONS.getOrDefault(status, "Refused.")));
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
        for (DocumentedError error : errors) {
            json.addExample(error.code(), OASFactory.createExample().summary(error.exampleMessage()).value(exampleBody(error)));
        }
    }
}

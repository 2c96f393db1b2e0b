package io.schedulr.calcom.adapter.in.rest.openapi;

import io.schedulr.kit.openapi.CommonError;
import io.schedulr.kit.openapi.DocumentedError;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * calcom-gateway's error answers in the OpenAPI document ({@code mp.openapi.filter}): resource methods name their
 * errors by {@link ErrorCode} constant, e.g. {@code "INVALID_FIELD CALCOM_NOT_FOUND"}.
 */
public class ErrorResponsesFilter extends io.schedulr.kit.openapi.ErrorResponsesFilter {
    private static final Map<Integer, String> DESCRIPTIONS = Map.of(
            400, "The request is malformed or a value is refused; the code and message name which.",
            401, "Not authenticated: no valid bearer token, or (webhook) no valid signature.",
            404, "Cal.com does not know it, or the caller may not see it.",
            422, "Cal.com refused the request; the message repeats its reason.",
            429, "Cal.com's rate limit is reached; Retry-After says when to try again.",
            503, "Cal.com cannot be used right now (unreachable, or this service's key is missing or refused), "
                    + "(webhook) no secret is configured, or the database cannot be reached; the code says which.");

    @Override
    protected Optional<ErrorCode> named(String name) {
        return constantNamed(ErrorCode.class, name);
    }

    /** A route for signed-in callers also refuses a query parameter it does not take ({@code UnknownQueryParameters}). */
    @Override
    protected List<DocumentedError> signedIn() {
        return List.of(CommonError.UNAUTHORIZED, ErrorCode.UNKNOWN_PARAMETER);
    }

    @Override
    protected Map<Integer, String> descriptions() {
        return DESCRIPTIONS;
    }

    @Override
    protected String schemaExampleCode() {
        return "calcom_not_found";
    }

    @Override
    protected String schemaExampleMessage() {
        return "No booking abcDEF123.";
    }
}

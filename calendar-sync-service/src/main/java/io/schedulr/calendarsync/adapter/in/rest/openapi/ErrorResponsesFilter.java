package io.schedulr.calendarsync.adapter.in.rest.openapi;

import io.schedulr.kit.openapi.CommonError;
import io.schedulr.kit.openapi.DocumentedError;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * calendar-sync-service's error answers in the OpenAPI document ({@code mp.openapi.filter}): resource methods name
 * their errors by {@link ErrorCode} constant, e.g. {@code "INVALID_STATE INVALID_CODE"}.
 */
public class ErrorResponsesFilter extends io.schedulr.kit.openapi.ErrorResponsesFilter {
    private static final Map<Integer, String> DESCRIPTIONS = Map.of(
            400, "The request is malformed or refused; the code names why.",
            403, "The push does not come from the channel it names (token or resource do not match).",
            404, "The push names no live channel.",
            503, "Google did not answer, or the database cannot be reached (the code says which); try again in a moment.");

    @Override
    protected Optional<ErrorCode> named(String name) {
        return constantNamed(ErrorCode.class, name);
    }

    /** A route for signed-in people also refuses a query parameter it does not take ({@code UnknownQueryParameters}). */
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
        return "invalid_state";
    }

    @Override
    protected String schemaExampleMessage() {
        return "'state' is not one this service issued; start connecting again.";
    }
}

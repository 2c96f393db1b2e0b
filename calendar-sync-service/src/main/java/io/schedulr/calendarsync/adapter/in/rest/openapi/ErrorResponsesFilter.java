package io.schedulr.calendarsync.adapter.in.rest.openapi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * calendar-sync-service's error answers in the OpenAPI document ({@code mp.openapi.filter}): resource methods name
 * their errors by {@link ErrorCode} constant, e.g. {@code "INVALID_STATE INVALID_CODE"}.
 */
public class ErrorResponsesFilter extends io.schedulr.kit.openapi.ErrorResponsesFilter<ErrorCode> {
    private static final List<ErrorCode> SIGNED_IN = List.of(ErrorCode.UNAUTHORIZED);
    private static final List<ErrorCode> ON_A_BODY = List.of(ErrorCode.BODY_TOO_LARGE);
    private static final List<ErrorCode> EVERYWHERE = List.of(ErrorCode.URI_TOO_LONG, ErrorCode.HEADERS_TOO_LARGE, ErrorCode.INTERNAL_ERROR);
    private static final Map<Integer, String> DESCRIPTIONS = Map.of(
            400, "The request is malformed or refused; the code names why.",
            401, "No valid bearer token.",
            403, "The push does not come from the channel it names (token or resource do not match).",
            404, "The push names no live channel.",
            413, "The request body is over the size limit.",
            414, "The request URI is over the length limit.",
            415, "The body is not application/json.",
            431, "The request headers are over the size limit.",
            500, "Unexpected failure; it has been logged.",
            503, "Google did not answer; nothing was changed. Try again in a moment.");

    @Override
    protected Optional<ErrorCode> named(String name) {
        return constantNamed(ErrorCode.class, name);
    }

    @Override
    protected List<ErrorCode> signedIn() {
        return SIGNED_IN;
    }

    @Override
    protected List<ErrorCode> onABody() {
        return ON_A_BODY;
    }

    @Override
    protected List<ErrorCode> everywhere() {
        return EVERYWHERE;
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
        return "state is not one this service issued";
    }
}

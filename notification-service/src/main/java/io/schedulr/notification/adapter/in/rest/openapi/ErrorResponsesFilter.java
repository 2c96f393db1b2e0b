package io.schedulr.notification.adapter.in.rest.openapi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * notification-service's error answers in the OpenAPI document ({@code mp.openapi.filter}): resource methods name
 * their errors by {@link ErrorCode} constant, e.g. {@code "INVALID_ROOM_ID ROOM_NOT_FOUND"}.
 */
public class ErrorResponsesFilter extends io.schedulr.kit.openapi.ErrorResponsesFilter<ErrorCode> {
    private static final List<ErrorCode> SIGNED_IN = List.of(ErrorCode.UNAUTHORIZED);
    private static final List<ErrorCode> ON_A_BODY = List.of(ErrorCode.BODY_TOO_LARGE);
    private static final List<ErrorCode> EVERYWHERE = List.of(ErrorCode.URI_TOO_LONG, ErrorCode.HEADERS_TOO_LARGE, ErrorCode.INTERNAL_ERROR);
    private static final Map<Integer, String> DESCRIPTIONS = Map.of(
            400, "The request is malformed or a value is refused; the code names which.",
            401, "Not authenticated; the code's example says which credential is missing.",
            404, "What the request names does not exist, or the caller may not see it.",
            413, "The request body is over the size limit.",
            414, "The request URI is over the length limit.",
            431, "The request headers are over the size limit.",
            500, "Unexpected failure; it has been logged.",
            503, "Not available on this server right now.");

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
        return "room_not_found";
    }

    @Override
    protected String schemaExampleMessage() {
        return "Room 3f6c2a9e-1b7d-4c5e-9a8f-2d4b6c8e0f12 was not found.";
    }
}

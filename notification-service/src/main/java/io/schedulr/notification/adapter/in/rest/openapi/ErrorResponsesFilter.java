package io.schedulr.notification.adapter.in.rest.openapi;

import java.util.Map;
import java.util.Optional;

/**
 * notification-service's error answers in the OpenAPI document ({@code mp.openapi.filter}): resource methods name
 * their errors by {@link ErrorCode} constant, e.g. {@code "INVALID_ROOM_ID ROOM_NOT_FOUND"}.
 */
public class ErrorResponsesFilter extends io.schedulr.kit.openapi.ErrorResponsesFilter {
    private static final Map<Integer, String> DESCRIPTIONS = Map.of(
            400, "The request is malformed or a value is refused; the code names which.",
            401, "Not authenticated; the code's example says which credential is missing.",
            404, "What the request names does not exist, or the caller may not see it.",
            503, "Not available on this server right now (not configured, or the database cannot be reached; the code says which).");

    @Override
    protected Optional<ErrorCode> named(String name) {
        return constantNamed(ErrorCode.class, name);
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

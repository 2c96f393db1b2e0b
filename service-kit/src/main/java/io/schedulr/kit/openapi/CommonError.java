package io.schedulr.kit.openapi;

import java.util.Arrays;
import java.util.Optional;

/**
 * The errors service-kit answers for every service (its JSON mappers, request limits and the bearer check), catalogued
 * once: {@link ErrorResponsesFilter} finds them by constant name or code beside a service's own catalog, and adds the
 * ones every operation can get. A service whose example of one of these says more (its own field names) lists its own
 * entry, which is found first.
 */
public enum CommonError implements DocumentedError {
    MALFORMED_JSON(400, "malformed_json", "The request body is not valid JSON."),
    INVALID_BODY(400, "invalid_body", "The body has the wrong shape for this request (e.g. a list where an object belongs)."),
    UNKNOWN_FIELD(400, "unknown_field", "Field 'nickname' is not part of this request."),
    UNAUTHORIZED(401, "unauthorized", "A valid bearer token is required."),
    BODY_TOO_LARGE(413, "body_too_large", "The request body is larger than 1048576 bytes."),
    URI_TOO_LONG(414, "uri_too_long", "The request URI is longer than 8192 characters."),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type", "This route reads JSON: send the body with Content-Type: application/json."),
    HEADERS_TOO_LARGE(431, "headers_too_large", "The request headers are larger than 16384 bytes."),
    INTERNAL_ERROR(500, "internal_error", "Something went wrong on our side; it has been logged."),
    TEMPORARILY_UNAVAILABLE(503, "temporarily_unavailable",
            "This service cannot reach its database or another system it needs right now; try again in a moment.");

    private final Entry entry;

    CommonError(int status, String code, String exampleMessage) {
        this.entry = new Entry(status, code, exampleMessage);
    }

    @Override
    public Entry entry() {
        return entry;
    }

    /** By constant name ({@code "MALFORMED_JSON"}) or by code ({@code "malformed_json"}), as the services name errors. */
    public static Optional<CommonError> named(String name) {
        return Arrays.stream(values()).filter(e -> e.name().equals(name) || e.code().equals(name)).findFirst();
    }
}

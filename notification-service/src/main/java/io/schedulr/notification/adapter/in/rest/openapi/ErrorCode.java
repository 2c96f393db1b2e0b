package io.schedulr.notification.adapter.in.rest.openapi;

import io.schedulr.kit.openapi.DocumentedError;

/**
 * Every error notification-service answers over HTTP, with its status and an example message: the catalog the OpenAPI
 * document's error examples are made from ({@link ErrorResponsesFilter}). A resource method names its own ones by
 * constant name in the {@value ErrorResponsesFilter#CODES} extension; the codes are thrown where the rule lives (the
 * resources, the hook body reader, service-kit's mappers and request limits).
 */
public enum ErrorCode implements DocumentedError {
    INVALID_ROOM_ID(400, "invalid_room_id", "Room id 'nope' is not a UUID."),
    UNKNOWN_PARAMETER(400, "unknown_parameter", "Query parameter 'limit' is not part of this request."),
    MALFORMED_JSON(400, "malformed_json", "The request body is not valid JSON."),
    INVALID_BODY(400, "invalid_body", "The request body must be a JSON object."),
    MISSING_FIELD(400, "missing_field", "Field 'messageId' is required."),
    UNKNOWN_FIELD(400, "unknown_field", "Field 'attemptId' is not part of this request."),
    INVALID_FIELD(400, "invalid_field", "Field 'status' must be one of delivered, deferred, bounced, rejected, complained."),
    UNAUTHORIZED(401, "unauthorized", "A valid bearer token is required."),
    HOOK_SECRET_REQUIRED(401, "unauthorized", "A valid X-Hook-Secret header is required."),
    ROOM_NOT_FOUND(404, "room_not_found", "Room 3f6c2a9e-1b7d-4c5e-9a8f-2d4b6c8e0f12 was not found."),
    UNKNOWN_MESSAGE(404, "unknown_message", "No sent message has the id 9d1c0c4e-2f1b-4a57-8a0e-5b3f3f1e2d11@schedulr.local."),
    BODY_TOO_LARGE(413, "body_too_large", "The request body is larger than 1048576 bytes."),
    URI_TOO_LONG(414, "uri_too_long", "The request URI is longer than 8192 characters."),
    HEADERS_TOO_LARGE(431, "headers_too_large", "The request headers are larger than 16384 bytes."),
    INTERNAL_ERROR(500, "internal_error", "Something went wrong on our side; it has been logged."),
    HOOK_NOT_CONFIGURED(503, "hook_not_configured", "The email status hook is not configured on this server.");

    private final int status;
    private final String code;
    private final String exampleMessage;

    ErrorCode(int status, String code, String exampleMessage) {
        this.status = status;
        this.code = code;
        this.exampleMessage = exampleMessage;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String exampleMessage() {
        return exampleMessage;
    }
}

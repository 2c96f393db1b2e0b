package io.schedulr.calcom.adapter.in.rest.openapi;

import io.schedulr.kit.openapi.DocumentedError;

/**
 * Every error calcom-gateway answers over HTTP, with its status and an example message: the catalog the OpenAPI
 * document's error examples are made from ({@link ErrorResponsesFilter}). A resource method names its own ones by
 * constant name in the {@value ErrorResponsesFilter#CODES} extension; the codes are thrown where the rule lives (the
 * resources, {@code CalcomErrorMappers}, {@code StrictBodies}, service-kit's mappers and request limits).
 */
public enum ErrorCode implements DocumentedError {
    INVALID_REQUEST(400, "invalid_request", "A JSON object is required as the body."),
    MALFORMED_JSON(400, "malformed_json", "The request body is not valid JSON."),
    INVALID_BODY(400, "invalid_body", "The body has the wrong shape for this request (e.g. a list where an object belongs)."),
    UNKNOWN_FIELD(400, "unknown_field", "Field 'hostId' is not part of this request."),
    INVALID_FIELD(400, "invalid_field", "Field 'start' must be a timestamp with an offset, such as 2030-09-05T09:00:00Z."),
    INVALID_WEBHOOK(400, "invalid_webhook", "Field 'payload' is missing or not an object."),
    UNAUTHORIZED(401, "unauthorized", "A valid bearer token is required."),
    INVALID_SIGNATURE(401, "invalid_signature",
            "X-Cal-Signature-256 is missing or does not match the body under any configured webhook secret."),
    CALCOM_NOT_FOUND(404, "calcom_not_found", "No booking abcDEF123."),
    BODY_TOO_LARGE(413, "body_too_large", "The request body is larger than 1048576 bytes."),
    URI_TOO_LONG(414, "uri_too_long", "The request URI is longer than 8192 characters."),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type", "This route reads JSON: send the body with Content-Type: application/json."),
    CALCOM_REJECTED(422, "calcom_rejected", "Cal.com refused: User either already has booking at this time or is not available."),
    CALCOM_RATE_LIMITED(429, "calcom_rate_limited",
            "Cal.com is limiting how often we may call it; try again in about a minute (reference 7c1e9a)."),
    HEADERS_TOO_LARGE(431, "headers_too_large", "The request headers are larger than 16384 bytes."),
    INTERNAL_ERROR(500, "internal_error", "Something went wrong on our side; it has been logged."),
    CALCOM_UNAVAILABLE(503, "calcom_unavailable", "Cal.com is failing (502); try again in a moment (reference 7c1e9a)."),
    WEBHOOK_SECRET_NOT_CONFIGURED(503, "webhook_secret_not_configured",
            "No Cal.com webhook secret is configured here, so no delivery can be verified.");

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

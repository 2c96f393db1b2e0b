package io.schedulr.calcom.adapter.in.rest.openapi;

import io.schedulr.kit.openapi.DocumentedError;

/**
 * Every error calcom-gateway answers over HTTP, with its status and an example message, beyond service-kit's own
 * ({@link io.schedulr.kit.openapi.CommonError}): the catalog the OpenAPI document's error examples are made from
 * ({@link ErrorResponsesFilter}). A resource method names its own ones by
 * constant name in the {@value ErrorResponsesFilter#CODES} extension; the codes are thrown where the rule lives (the
 * resources, {@code CalcomErrorMappers}, {@code StrictBodies}, service-kit's mappers).
 */
public enum ErrorCode implements DocumentedError {
    INVALID_REQUEST(400, "invalid_request", "A JSON object is required as the body."),
    INVALID_FIELD(400, "invalid_field", "Field 'start' must be a timestamp with an offset, such as 2030-09-05T09:00:00Z."),
    UNKNOWN_PARAMETER(400, "unknown_parameter",
            "Query parameter 'usernames' is not part of this request; it takes end, eventTypeId, lengthInMinutes, start, timeZone."),
    INVALID_WEBHOOK(400, "invalid_webhook", "Field 'payload' is missing or not an object."),
    INVALID_SIGNATURE(401, "invalid_signature",
            "X-Cal-Signature-256 is missing or does not match the body under any configured webhook secret."),
    CALCOM_NOT_FOUND(404, "calcom_not_found", "No booking abcDEF123."),
    CALCOM_REJECTED(422, "calcom_rejected", "Cal.com refused: User either already has booking at this time or is not available."),
    CALCOM_RATE_LIMITED(429, "calcom_rate_limited",
            "Cal.com is limiting how often we may call it; try again in about a minute (reference 7c1e9a)."),
    CALCOM_UNAVAILABLE(503, "calcom_unavailable", "Cal.com is failing (502); try again in a moment (reference 7c1e9a)."),
    WEBHOOK_SECRET_NOT_CONFIGURED(503, "webhook_secret_not_configured",
            "No Cal.com webhook secret is configured here, so no delivery can be verified.");

    private final Entry entry;

    ErrorCode(int status, String code, String exampleMessage) {
        this.entry = new Entry(status, code, exampleMessage);
    }

    @Override
    public Entry entry() {
        return entry;
    }
}

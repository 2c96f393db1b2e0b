package io.schedulr.notification.adapter.in.rest.openapi;

import io.schedulr.kit.openapi.DocumentedError;

/**
 * Every error notification-service answers over HTTP, with its status and an example message, beyond service-kit's own
 * ({@link io.schedulr.kit.openapi.CommonError}): the catalog the OpenAPI document's error examples are made from
 * ({@link ErrorResponsesFilter}). A resource method names its own ones by
 * constant name in the {@value ErrorResponsesFilter#CODES} extension; the codes are thrown where the rule lives (the
 * resources, the hook body reader, service-kit's {@code ServiceKeys} and mappers). Two entries may share a code when
 * they differ in what is missing (a bearer token, the hook's secret, a service key): an operation names one of them.
 */
public enum ErrorCode implements DocumentedError {
    INVALID_ROOM_ID(400, "invalid_room_id", "Room id 'nope' is not a UUID."),
    INVALID_INTERVIEW_ID(400, "invalid_interview_id", "Interview id 'nope' is not a UUID in canonical lower-case form."),
    UNKNOWN_PARAMETER(400, "unknown_parameter", "Query parameter 'limit' is not part of this request."),
    INVALID_BODY(400, "invalid_body", "The request body must be a JSON object."),
    MISSING_FIELD(400, "missing_field", "Field 'messageId' is required."),
    INVALID_FIELD(400, "invalid_field", "Field 'status' must be one of delivered, deferred, bounced, rejected, complained."),
    HOOK_SECRET_REQUIRED(401, "unauthorized", "A valid X-Hook-Secret header is required."),
    SERVICE_KEY_REQUIRED(401, "unauthorized", "A valid X-Schedulr-Service-Key header is required."),
    ROOM_NOT_FOUND(404, "room_not_found", "Room 3f6c2a9e-1b7d-4c5e-9a8f-2d4b6c8e0f12 was not found."),
    UNKNOWN_MESSAGE(404, "unknown_message", "No sent message has the id 9d1c0c4e-2f1b-4a57-8a0e-5b3f3f1e2d11@schedulr.local."),
    HOOK_NOT_CONFIGURED(503, "hook_not_configured", "The email status hook is not configured on this server."),
    SERVICE_KEY_NOT_CONFIGURED(503, "service_key_not_configured", "No service key is configured on this server; its internal routes are off.");

    private final Entry entry;

    ErrorCode(int status, String code, String exampleMessage) {
        this.entry = new Entry(status, code, exampleMessage);
    }

    @Override
    public Entry entry() {
        return entry;
    }
}

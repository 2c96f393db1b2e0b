package io.schedulr.calendarsync.adapter.in.rest.openapi;

import io.schedulr.kit.openapi.DocumentedError;

/**
 * Every error calendar-sync-service answers over HTTP, with its status and an example message: the catalog the OpenAPI
 * document's error examples are made from ({@link ErrorResponsesFilter}). A resource method names its own ones by
 * constant name in the {@value ErrorResponsesFilter#CODES} extension; the codes are thrown where the rule lives (the
 * resources, {@code ServiceKeys}, {@code ConnectionErrorMappers}, service-kit's mappers and request limits). Two entries may
 * share a code when they differ in what is missing (a bearer token, a service key): an operation names one of them.
 */
public enum ErrorCode implements DocumentedError {
    INVALID_REQUEST(400, "invalid_request", "The body must be {\"code\": …, \"state\": …}."),
    MALFORMED_JSON(400, "malformed_json", "The request body is not valid JSON."),
    INVALID_BODY(400, "invalid_body", "The body has the wrong shape for this request (e.g. a list where an object belongs)."),
    INVALID_FIELD(400, "invalid_field", "Field 'code' has the wrong type."),
    UNKNOWN_FIELD(400, "unknown_field", "Field 'redirect_uri' is not part of this request."),
    INVALID_STATE(400, "invalid_state", "state was already used or is unknown; start connecting again"),
    STATE_EXPIRED(400, "state_expired", "the connection attempt expired; start connecting again"),
    CONSENT_DENIED(400, "consent_denied",
            "Google did not grant access (access_denied); connect again and allow access to your calendar"),
    INVALID_CODE(400, "invalid_code", "code is missing"),
    CALENDAR_SCOPES_MISSING(400, "calendar_scopes_missing",
            "Schedulr needs access to your Google Calendar; these permissions were not granted: "
                    + "https://www.googleapis.com/auth/calendar.freebusy"),
    GOOGLE_ACCOUNT_MISMATCH(400, "google_account_mismatch", "access was granted by another Google account than the one you signed in with"),
    OFFLINE_ACCESS_MISSING(400, "offline_access_missing", "Google gave no lasting access; connect again and accept the consent screen"),
    REDIRECT_URI_NOT_ALLOWED(400, "redirect_uri_not_allowed",
            "redirectUri must be one of the web app's sign-in pages: http://localhost:8080/"),
    NOT_A_GOOGLE_PUSH(400, "not_a_google_push",
            "A Google push names its channel (X-Goog-Channel-ID) and what happened (X-Goog-Resource-State)."),
    INVALID_RESOURCE_STATE(400, "invalid_resource_state", "X-Goog-Resource-State is sync, exists or not_exists."),
    INVALID_START(400, "invalid_start", "'start' must be an ISO-8601 date-time with an offset, e.g. 2030-01-01T09:00:00Z; got 'tomorrow'."),
    INVALID_END(400, "invalid_end", "'end' is required."),
    END_BEFORE_START(400, "end_before_start", "'end' must be after 'start'; got start 2030-01-02T09:00:00Z and end 2030-01-01T09:00:00Z."),
    RANGE_TOO_LONG(400, "range_too_long", "'end' must be at most 62 days after 'start'."),
    INVALID_PERSON(400, "invalid_person", "'person' is required: the Google account id (sub) of the person asked about."),
    UNAUTHORIZED(401, "unauthorized", "A valid bearer token is required."),
    SERVICE_KEY_REQUIRED(401, "unauthorized", "A valid X-Schedulr-Service-Key header is required."),
    CHANNEL_TOKEN_MISMATCH(403, "channel_token_mismatch", "The channel token does not match."),
    UNKNOWN_CHANNEL(404, "unknown_channel", "No live channel has this id."),
    BODY_TOO_LARGE(413, "body_too_large", "The request body is larger than 1048576 bytes."),
    URI_TOO_LONG(414, "uri_too_long", "The request URI is longer than 8192 characters."),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type", "This route reads JSON: send the body with Content-Type: application/json."),
    HEADERS_TOO_LARGE(431, "headers_too_large", "The request headers are larger than 16384 bytes."),
    INTERNAL_ERROR(500, "internal_error", "Something went wrong on our side; it has been logged."),
    GOOGLE_UNAVAILABLE(503, "google_unavailable", "Google did not answer; try again in a moment."),
    SERVICE_KEY_NOT_CONFIGURED(503, "service_key_not_configured", "No service key is configured on this server; its internal routes are off.");

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

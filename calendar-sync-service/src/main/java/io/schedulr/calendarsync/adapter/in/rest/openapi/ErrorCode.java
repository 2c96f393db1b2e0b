package io.schedulr.calendarsync.adapter.in.rest.openapi;

import io.schedulr.kit.openapi.DocumentedError;

/**
 * Every error calendar-sync-service answers over HTTP, with its status and an example message, beyond service-kit's own
 * ({@link io.schedulr.kit.openapi.CommonError}): the catalog the OpenAPI document's error examples are made from
 * ({@link ErrorResponsesFilter}). A resource method names its own ones by
 * constant name in the {@value ErrorResponsesFilter#CODES} extension; the codes are thrown where the rule lives (the
 * resources, service-kit's {@code ServiceKeys}, {@code ConnectionErrorMappers}, service-kit's mappers). Two entries may
 * share a code when they differ in what is missing (a bearer token, a service key): an operation names one of them.
 */
public enum ErrorCode implements DocumentedError {
    UNKNOWN_PARAMETER(400, "unknown_parameter", "Query parameter 'begin' is not part of this request; it takes end, start."),
    INVALID_REQUEST(400, "invalid_request", "The body must be {\"code\": …, \"state\": …}."),
    INVALID_FIELD(400, "invalid_field", "Field 'code' has the wrong type."),
    INVALID_STATE(400, "invalid_state", "'state' was already used or is unknown; start connecting again."),
    STATE_EXPIRED(400, "state_expired", "The connection attempt expired; start connecting again."),
    CONSENT_DENIED(400, "consent_denied",
            "Google did not grant access (access_denied); connect again and allow access to your calendar."),
    INVALID_CODE(400, "invalid_code", "'code' is required."),
    CALENDAR_SCOPES_MISSING(400, "calendar_scopes_missing",
            "Schedulr needs access to your Google Calendar; these permissions were not granted: "
                    + "https://www.googleapis.com/auth/calendar.freebusy"),
    GOOGLE_ACCOUNT_MISMATCH(400, "google_account_mismatch", "Access was granted by another Google account than the one you signed in with."),
    OFFLINE_ACCESS_MISSING(400, "offline_access_missing", "Google gave no lasting access; connect again and accept the consent screen."),
    ACCESS_WITHDRAWN(400, "access_withdrawn",
            "Google withdrew the access before the calendar was connected (disconnected at the same moment?); start connecting again."),
    REDIRECT_URI_NOT_ALLOWED(400, "redirect_uri_not_allowed",
            "'redirectUri' must be one of the web app's sign-in pages: http://localhost:8080/"),
    NOT_A_GOOGLE_PUSH(400, "not_a_google_push",
            "A Google push names its channel (X-Goog-Channel-ID) and what happened (X-Goog-Resource-State)."),
    INVALID_RESOURCE_STATE(400, "invalid_resource_state", "X-Goog-Resource-State is sync, exists or not_exists."),
    INVALID_START(400, "invalid_start", "'start' must be an ISO-8601 date-time with an offset, e.g. 2030-01-01T09:00:00Z; got 'tomorrow'."),
    INVALID_END(400, "invalid_end", "'end' is required."),
    END_BEFORE_START(400, "end_before_start", "'end' must be after 'start'; got start 2030-01-02T09:00:00Z and end 2030-01-01T09:00:00Z."),
    RANGE_TOO_LONG(400, "range_too_long", "'end' must be at most 62 days after 'start'."),
    INVALID_TIME_ZONE(400, "invalid_timeZone", "'timeZone' is an IANA time zone such as Europe/Berlin, not '+02:00'."),
    INVALID_PERSON(400, "invalid_person", "'person' is required: the Google account id (sub) of the person asked about."),
    SERVICE_KEY_REQUIRED(401, "unauthorized", "A valid X-Schedulr-Service-Key header is required."),
    CHANNEL_TOKEN_MISMATCH(403, "channel_token_mismatch", "The channel token does not match."),
    UNKNOWN_CHANNEL(404, "unknown_channel", "No live channel has this id."),
    GOOGLE_UNAVAILABLE(503, "google_unavailable", "Google did not answer; try again in a moment."),
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

package io.schedulr.scheduling.adapter.in.rest.openapi;

import io.schedulr.kit.openapi.CommonError;
import io.schedulr.kit.openapi.DocumentedError;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * scheduling-service's error answers in the OpenAPI document ({@code mp.openapi.filter}): resource methods name their
 * codes by {@link ErrorCode#code()}, e.g. {@code "room_not_found not_room_host"}. Every signed-in route also refuses
 * tokens without a usable email address, every body is strict JSON, and the calendar gate's 403 says where to connect.
 */
public class ErrorResponsesFilter extends io.schedulr.kit.openapi.ErrorResponsesFilter {
    private static final String CONNECT_URL = "connectUrl";
    /** Who is signed in is read on every such operation, and a token without a usable address is refused then. */
    private static final List<DocumentedError> SIGNED_IN = List.of(CommonError.UNAUTHORIZED, ErrorCode.EMAIL_REQUIRED,
            ErrorCode.EMAIL_UNVERIFIED, ErrorCode.EMAIL_UNUSABLE);
    private static final List<DocumentedError> ON_A_BODY = List.of(CommonError.MALFORMED_JSON, CommonError.INVALID_BODY,
            ErrorCode.INVALID_FIELD, CommonError.UNKNOWN_FIELD, CommonError.BODY_TOO_LARGE, CommonError.UNSUPPORTED_MEDIA_TYPE);
    private static final List<DocumentedError> EVERYWHERE = List.of(ErrorCode.UNKNOWN_PARAMETER, CommonError.URI_TOO_LONG,
            CommonError.HEADERS_TOO_LARGE, CommonError.INTERNAL_ERROR, CommonError.TEMPORARILY_UNAVAILABLE);
    private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(400, "The request is malformed or a value is refused; the code names which."),
            Map.entry(403, "Signed in, but not allowed to do this (or the token has no usable, verified email address)."),
            Map.entry(404, "What the request names does not exist, or the caller may not see it."),
            Map.entry(409, "Clashes with what exists, or with a change made at the same moment."),
            Map.entry(422, "Understood, but the current state does not allow it."),
            Map.entry(429, "Cal.com's rate limit is reached; Retry-After says when to try again."),
            Map.entry(502, "The video provider failed; nothing was saved."),
            Map.entry(503, "Cal.com or the database cannot be reached (the code says which); try again in a moment."));

    @Override
    protected Optional<ErrorCode> named(String name) {
        return ErrorCode.of(name);
    }

    /** Its published answers keep SmallRye's order and wording; dropping them would reorder and reword the document. */
    @Override
    protected boolean keepsGuessedErrors() {
        return true;
    }

    @Override
    protected List<DocumentedError> signedIn() {
        return SIGNED_IN;
    }

    @Override
    protected List<DocumentedError> onABody() {
        return ON_A_BODY;
    }

    /** Every route refuses a query parameter it does not take ({@code UnknownQueryParameters}). */
    @Override
    protected List<DocumentedError> everywhere() {
        return EVERYWHERE;
    }

    @Override
    protected Map<Integer, String> descriptions() {
        return DESCRIPTIONS;
    }

    @Override
    protected String codeDescription() {
        return "Stable, machine-readable error code, e.g. room_already_booked or invalid_datetime; the examples of each "
                + "answer list the codes an operation can give with that status.";
    }

    @Override
    protected String schemaExampleCode() {
        return "room_not_found";
    }

    @Override
    protected String schemaExampleMessage() {
        return "No practice room 3f6c2a9e-1b7d-4c5e-9a8f-2d4b6c8e0f12.";
    }

    @Override
    protected Map<String, Object> exampleBody(DocumentedError error) {
        Map<String, Object> body = super.exampleBody(error);
        if (error == ErrorCode.CALENDAR_NOT_CONNECTED) {
            body.put(CONNECT_URL, "https://calendar.schedulr.example/api/auth/google/start");
        }
        return body;
    }

    @Override
    protected Schema errorSchema() {
        return super.errorSchema().addProperty(CONNECT_URL, OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                .description("Only with calendar_not_connected: where the caller connects their Google Calendar."));
    }
}

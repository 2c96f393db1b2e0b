package io.schedulr.calcom.adapter.in.rest.openapi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * calcom-gateway's error answers in the OpenAPI document ({@code mp.openapi.filter}): resource methods name their
 * errors by {@link ErrorCode} constant, e.g. {@code "INVALID_FIELD CALCOM_NOT_FOUND"}.
 */
public class ErrorResponsesFilter extends io.schedulr.kit.openapi.ErrorResponsesFilter<ErrorCode> {
    private static final List<ErrorCode> SIGNED_IN = List.of(ErrorCode.UNAUTHORIZED);
    private static final List<ErrorCode> ON_A_BODY = List.of(ErrorCode.BODY_TOO_LARGE);
    private static final List<ErrorCode> EVERYWHERE = List.of(ErrorCode.URI_TOO_LONG, ErrorCode.HEADERS_TOO_LARGE, ErrorCode.INTERNAL_ERROR);
    private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(400, "The request is malformed or a value is refused; the code and message name which."),
            Map.entry(401, "Not authenticated: no valid bearer token, or (webhook) no valid signature."),
            Map.entry(404, "Cal.com does not know it, or the caller may not see it."),
            Map.entry(413, "The request body is over the size limit."),
            Map.entry(414, "The request URI is over the length limit."),
            Map.entry(415, "The body is not application/json."),
            Map.entry(422, "Cal.com refused the request; the message repeats its reason."),
            Map.entry(429, "Cal.com's rate limit is reached; Retry-After says when to try again."),
            Map.entry(431, "The request headers are over the size limit."),
            Map.entry(500, "Unexpected failure; it has been logged."),
            Map.entry(503, "Cal.com cannot be used right now (unreachable, or this service's key is missing or refused), "
                    + "or (webhook) no secret is configured."));

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
        return "calcom_not_found";
    }

    @Override
    protected String schemaExampleMessage() {
        return "No booking abcDEF123.";
    }
}

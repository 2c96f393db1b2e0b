package io.schedulr.kit.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every error answer: a machine-readable code and a sentence for people.
 *
 * @param connectUrl where the caller goes to connect what the refusal asks for (e.g. scheduling-service's
 *                   {@code calendar_not_connected}); left out of the JSON when null, so every other body stays
 *                   {@code {"code","message"}}
 */
public record ApiError(String code, String message, @JsonInclude(JsonInclude.Include.NON_NULL) String connectUrl) {
    public ApiError(String code, String message) {
        this(code, message, null);
    }
}

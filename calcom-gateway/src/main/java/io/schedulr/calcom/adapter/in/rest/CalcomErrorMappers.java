package io.schedulr.calcom.adapter.in.rest;

import io.schedulr.calcom.application.port.in.InvalidInputException;
import io.schedulr.calcom.application.port.out.CalcomException;
import io.schedulr.calcom.config.CalcomApiConfig;
import io.schedulr.kit.rest.ErrorMappers;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Bad input and Cal.com's failures as {@code {"code","message"}}. The outbound adapter has already logged each Cal.com
 * failure with its correlation id, which the message repeats as "reference …".
 */
public class CalcomErrorMappers {
    @Inject
    CalcomApiConfig config;

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        return ErrorMappers.error(400, "invalid_field", e.getMessage());
    }

    @ServerExceptionMapper
    public Response calcom(CalcomException e) {
        return switch (e.kind()) {
            case NOT_CONFIGURED, KEY_REJECTED, UNAVAILABLE -> ErrorMappers.error(503, "calcom_unavailable", e.getMessage());
            case RATE_LIMITED -> Response.fromResponse(ErrorMappers.error(429, "calcom_rate_limited", e.getMessage()))
                    .header("Retry-After", String.valueOf(Math.max(1, config.rateLimit().window().toSeconds()))).build();
            case REJECTED -> ErrorMappers.error(422, "calcom_rejected", e.getMessage());
            case NOT_FOUND -> ErrorMappers.error(404, "calcom_not_found", e.getMessage());
        };
    }
}

package io.schedulr.kit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.schedulr.kit.openapi.CommonError;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Optional;
import java.util.stream.Collectors;

/** Turns every failure into a JSON {@link ApiError} with the right status; nothing leaks as an HTML page or stack trace. */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    /** Named explicitly: Quarkus REST has its own mapper for this type, which would answer without a body. */
    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return error(400, "unknown_field", "Field '" + Excerpt.of(unknown.getPropertyName()) + "' is not part of this request.");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()) {
            return error(400, "invalid_body", "The body has the wrong shape for this request (e.g. a list where an object belongs).");
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String detail = e instanceof InvalidFormatException invalid
                    ? "has an invalid value " + Excerpt.of(String.valueOf(invalid.getValue())) : "has the wrong type";
            return error(400, "invalid_field", "Field '" + field + "' " + detail + ".");
        }
        return error(400, "malformed_json", "The request body is not valid JSON.");
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.status(401).type(MediaType.APPLICATION_JSON_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(new ApiError("unauthorized", "A valid bearer token is required.")).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return error(403, "forbidden", "You are not allowed to do this.");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return error(status, "internal_error", "Something went wrong on our side; it has been logged.");
        }
        String code = switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "body_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 431 -> "headers_too_large";
            default -> "client_error";
        };
        if (status == 415) {
            // The framework's own text names its annotations ("@Consumes"); say what to send instead.
            return error(status, code, "This route reads JSON: send the body with Content-Type: application/json.");
        }
        return error(status, code, e.getMessage() == null ? Response.Status.fromStatusCode(status).getReasonPhrase() : e.getMessage());
    }

    /** Any other failure, including a bare {@link Throwable} (Vert.x fails futures with them), which is not an Exception. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        Optional<Throwable> outage = Outages.outageIn(e);
        if (outage.isPresent()) {
            LOG.warnf("request failed: something this service needs cannot be reached right now (%s); answered 503", outage.get());
            return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
                    .entity(new ApiError(CommonError.TEMPORARILY_UNAVAILABLE.code(), CommonError.TEMPORARILY_UNAVAILABLE.exampleMessage()))
                    .build();
        }
        LOG.error("unexpected error", e);
        return error(500, "internal_error", "Something went wrong on our side; it has been logged.");
    }

    public static Response error(int status, String code, String message) {
        return error(status, new ApiError(code, message));
    }

    public static Response error(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}

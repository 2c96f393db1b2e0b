package io.schedulr.testsupport.calcom;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An API v2 error thrown inside a handler and answered in Cal.com's envelope:
 * {@code {"status":"error","timestamp","path","error":{"code","message","details"}}}, where {@code code} is the name of
 * the NestJS exception class and {@code details} is what that exception's {@code getResponse()} gives
 * ({@code {"message","error","statusCode"}}).
 */
final class CalcomError extends RuntimeException {
    private final int status;
    private final String code;
    private final String reason;

    private CalcomError(int status, String code, String reason, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.reason = reason;
    }

    static CalcomError badRequest(String message) {
        return new CalcomError(400, "BadRequestException", "Bad Request", message);
    }

    static CalcomError unauthorized(String message) {
        return new CalcomError(401, "UnauthorizedException", "Unauthorized", message);
    }

    static CalcomError forbidden(String message) {
        return new CalcomError(403, "ForbiddenException", "Forbidden", message);
    }

    static CalcomError notFound(String message) {
        return new CalcomError(404, "NotFoundException", "Not Found", message);
    }

    static CalcomError throttled() {
        return new CalcomError(429, "ThrottlerException", "Too Many Requests", "ThrottlerException: Too Many Requests");
    }

    /** NestJS's {@code new InternalServerErrorException()}, as Cal.com answers an unhandled failure. */
    static CalcomError internalServerError() {
        return new CalcomError(500, "InternalServerErrorException", "Internal Server Error", "Internal Server Error");
    }

    static CalcomError badGateway() {
        return new CalcomError(502, "BadGatewayException", "Bad Gateway", "Bad Gateway");
    }

    static CalcomError serviceUnavailable() {
        return new CalcomError(503, "ServiceUnavailableException", "Service Unavailable", "Service Unavailable");
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, Object> envelope(String path, Clock clock) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("message", getMessage());
        details.put("error", reason);
        details.put("statusCode", status);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", getMessage());
        error.put("details", details);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("timestamp", Times.iso(clock.instant()));
        body.put("path", path);
        body.put("error", error);
        return body;
    }
}

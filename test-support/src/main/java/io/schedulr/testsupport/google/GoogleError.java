package io.schedulr.testsupport.google;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Google API error as thrown inside a handler and answered in Google's shape:
 * {@code {"error":{"code","message","errors":[{"domain","reason","message"}],"status"}}}.
 */
final class GoogleError extends RuntimeException {
    private final int code;
    private final String reason;
    private final String domain;
    private final String status;

    GoogleError(int code, String domain, String reason, String status, String message) {
        super(message);
        this.code = code;
        this.domain = domain;
        this.reason = reason;
        this.status = status;
    }

    static GoogleError badRequest(String reason, String message) {
        return new GoogleError(400, "global", reason, "INVALID_ARGUMENT", message);
    }

    static GoogleError unauthorized() {
        return new GoogleError(401, "global", "authError", "UNAUTHENTICATED",
                "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid "
                        + "authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.");
    }

    static GoogleError insufficientScopes() {
        return new GoogleError(403, "global", "insufficientPermissions", "PERMISSION_DENIED",
                "Request had insufficient authentication scopes.");
    }

    static GoogleError forbidden(String reason, String message) {
        return new GoogleError(403, "global", reason, "PERMISSION_DENIED", message);
    }

    static GoogleError notFound() {
        return new GoogleError(404, "global", "notFound", "NOT_FOUND", "Not Found");
    }

    static GoogleError duplicate() {
        return new GoogleError(409, "global", "duplicate", "ALREADY_EXISTS", "The requested identifier already exists.");
    }

    static GoogleError deleted() {
        return new GoogleError(410, "global", "deleted", "FAILED_PRECONDITION", "Resource has been deleted");
    }

    /** An {@code If-Match} naming an etag the resource no longer has: someone else wrote it since it was read. */
    static GoogleError conditionNotMet() {
        return new GoogleError(412, "global", "conditionNotMet", "FAILED_PRECONDITION", "Precondition Failed");
    }

    static GoogleError fullSyncRequired() {
        return new GoogleError(410, "calendar", "fullSyncRequired", "FAILED_PRECONDITION",
                "Sync token is no longer valid, a full sync is required.");
    }

    static GoogleError rateLimitExceeded() {
        return new GoogleError(429, "usageLimits", "rateLimitExceeded", "RESOURCE_EXHAUSTED", "Rate Limit Exceeded");
    }

    static GoogleError userRateLimitExceeded() {
        return new GoogleError(403, "usageLimits", "userRateLimitExceeded", "PERMISSION_DENIED", "User Rate Limit Exceeded");
    }

    static GoogleError backendError(String message) {
        return new GoogleError(500, "global", "backendError", "INTERNAL", message);
    }

    static GoogleError methodNotAllowed() {
        return new GoogleError(405, "global", "httpMethodNotAllowed", "INVALID_ARGUMENT", "Method Not Allowed");
    }

    int code() {
        return code;
    }

    String reason() {
        return reason;
    }

    String body() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("domain", domain);
        detail.put("reason", reason);
        detail.put("message", getMessage());
        if ("authError".equals(reason)) {
            detail.put("location", "Authorization");
            detail.put("locationType", "header");
        } else if ("conditionNotMet".equals(reason)) {
            detail.put("location", "If-Match");
            detail.put("locationType", "header");
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", getMessage());
        error.put("errors", List.of(detail));
        error.put("status", status);
        return Json.write(Map.of("error", error));
    }
}

package io.schedulr.calcom.application.port.out;

/**
 * Cal.com could not do what was asked. {@link #getMessage()} is safe to show to our callers: it never holds the API key.
 * {@code calcomCode} is Cal.com's error code (its exception class, e.g. {@code BadRequestException}) when it answered.
 */
public class CalcomException extends RuntimeException {
    public enum Kind {
        /** No API key is configured (CALCOM_API_KEY). */
        NOT_CONFIGURED,
        /** Cal.com answered 401: the key is wrong, expired or revoked. */
        KEY_REJECTED,
        /** Cal.com did not answer, answered 5xx, or timed out, also after retrying. */
        UNAVAILABLE,
        /** Cal.com's 429, still after waiting out its window. */
        RATE_LIMITED,
        /** Cal.com refused the request itself (a 4xx other than 401/404/429), e.g. a slot already taken. */
        REJECTED,
        /** Cal.com has no such booking or event type (404). */
        NOT_FOUND
    }

    private final Kind kind;
    private final String calcomCode;
    private final String correlationId;

    public CalcomException(Kind kind, String message, String calcomCode, String correlationId, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.calcomCode = calcomCode;
        this.correlationId = correlationId;
    }

    public CalcomException(Kind kind, String message) {
        this(kind, message, null, null, null);
    }

    public Kind kind() {
        return kind;
    }

    public String calcomCode() {
        return calcomCode;
    }

    /** The id sent with the request to Cal.com and written in our log line about it; null when no request was made. */
    public String correlationId() {
        return correlationId;
    }
}

package io.schedulr.calendarsync.application;

/**
 * Google refused a write made on the event as we looked it up ({@code If-Match} with its etag, answered 412): a person
 * changed it in between. The job looks it up again, and judges what they did, before it writes.
 */
public class GoogleEventChangedException extends RuntimeException {
    public GoogleEventChangedException(String message, Throwable cause) {
        super(message, cause);
    }
}

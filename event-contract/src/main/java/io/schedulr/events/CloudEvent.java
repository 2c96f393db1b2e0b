package io.schedulr.events;

import java.time.Instant;

/**
 * CloudEvents 1.0 structured-mode JSON envelope.
 *
 * @param subject the aggregate id (also the Kafka key)
 */
public record CloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public static <T> CloudEvent<T> of(String id, String source, String type, Instant time, String subject, T data) {
        return new CloudEvent<>(SPEC_VERSION, id, source, type, time, subject, JSON, data);
    }
}

package io.schedulr.testsupport.traces;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One span as the local trace collector keeps it: which service sent it (the resource's {@code service.name}), its ids
 * (lower-case hex; {@code parentSpanId} null for a root span), name, kind ({@code SERVER}, {@code CLIENT},
 * {@code PRODUCER}, {@code CONSUMER}, {@code INTERNAL}) and times.
 */
public record CollectedSpan(String service, String traceId, String spanId, String parentSpanId, String name, String kind,
                            Instant start, Instant end) {

    /** The span as {@code GET /traces/{traceId}} shows it. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("service", service);
        json.put("traceId", traceId);
        json.put("spanId", spanId);
        json.put("parentSpanId", parentSpanId);
        json.put("name", name);
        json.put("kind", kind);
        json.put("start", start.toString());
        json.put("end", end.toString());
        json.put("durationMicros", (end.getEpochSecond() - start.getEpochSecond()) * 1_000_000L + (end.getNano() - start.getNano()) / 1_000L);
        return json;
    }
}

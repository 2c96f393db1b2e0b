package io.schedulr.testsupport.traces;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** What the collector keeps of an OTLP {@code ExportTraceServiceRequest}. */
final class OtlpSpans {
    static final String UNKNOWN_SERVICE = "unknown_service";
    private static final HexFormat HEX = HexFormat.of();

    private OtlpSpans() {
    }

    static List<CollectedSpan> of(ExportTraceServiceRequest request) {
        List<CollectedSpan> spans = new ArrayList<>();
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            String service = serviceName(resourceSpans.getResource());
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                for (Span span : scopeSpans.getSpansList()) {
                    spans.add(new CollectedSpan(service, hex(span.getTraceId()), hex(span.getSpanId()),
                            span.getParentSpanId().isEmpty() ? null : hex(span.getParentSpanId()), span.getName(),
                            kind(span.getKind()), instant(span.getStartTimeUnixNano()), instant(span.getEndTimeUnixNano())));
                }
            }
        }
        return spans;
    }

    private static String serviceName(Resource resource) {
        for (KeyValue attribute : resource.getAttributesList()) {
            if (attribute.getKey().equals("service.name") && attribute.getValue().hasStringValue()) {
                return attribute.getValue().getStringValue();
            }
        }
        return UNKNOWN_SERVICE;
    }

    /** {@code SPAN_KIND_SERVER} → {@code SERVER}; an unset kind is {@code INTERNAL}, as the OTLP spec reads it. */
    private static String kind(Span.SpanKind kind) {
        return switch (kind) {
            case SPAN_KIND_SERVER -> "SERVER";
            case SPAN_KIND_CLIENT -> "CLIENT";
            case SPAN_KIND_PRODUCER -> "PRODUCER";
            case SPAN_KIND_CONSUMER -> "CONSUMER";
            default -> "INTERNAL";
        };
    }

    private static String hex(ByteString bytes) {
        return HEX.formatHex(bytes.toByteArray());
    }

    private static Instant instant(long unixNanos) {
        return Instant.ofEpochSecond(Long.divideUnsigned(unixNanos, 1_000_000_000L), Long.remainderUnsigned(unixNanos, 1_000_000_000L));
    }
}

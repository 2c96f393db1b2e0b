package io.schedulr.testsupport.traces;

import com.google.protobuf.ByteString;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.jose4j.json.internal.json_simple.JSONArray;
import org.jose4j.json.internal.json_simple.JSONObject;
import org.jose4j.json.internal.json_simple.parser.JSONParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local trace collector as the services use it: real spans exported by the OpenTelemetry SDK's OTLP/HTTP protobuf
 * exporter (plain and gzip), read back through the Java API and the two JSON routes.
 */
class LocalTracesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LocalTraces traces;

    @BeforeEach
    void start() throws Exception {
        traces = LocalTraces.start(0);
    }

    @AfterEach
    void stop() {
        traces.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void spansOfTwoServicesExportedOverOtlpHttpAreOneTraceSortedByStart() throws Exception {
        SdkTracerProvider producer = provider("booking-service", "none");
        SdkTracerProvider consumer = provider("mail-service", "gzip");
        String traceId;
        String serverSpanId;
        String producerSpanId;
        try {
            Tracer booking = producer.get("test");
            Span server = booking.spanBuilder("POST /bookings").setSpanKind(SpanKind.SERVER).startSpan();
            traceId = server.getSpanContext().getTraceId();
            serverSpanId = server.getSpanContext().getSpanId();
            Span publish = booking.spanBuilder("bookings publish").setSpanKind(SpanKind.PRODUCER)
                    .setParent(Context.root().with(server)).startSpan();
            producerSpanId = publish.getSpanContext().getSpanId();
            publish.end();
            server.end();

            // the consumer continues the producer's context as it arrives in a record header
            SpanContext remote = SpanContext.createFromRemoteParent(traceId, producerSpanId, TraceFlags.getSampled(), TraceState.getDefault());
            Span consume = consumer.get("test").spanBuilder("bookings process").setSpanKind(SpanKind.CONSUMER)
                    .setParent(Context.root().with(Span.wrap(remote))).startSpan();
            Span send = consumer.get("test").spanBuilder("smtp send").setSpanKind(SpanKind.CLIENT)
                    .setParent(Context.root().with(consume)).startSpan();
            send.end();
            consume.end();
        } finally {
            assertThat(producer.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).as("plain export accepted").isTrue();
            assertThat(consumer.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).as("gzip export accepted").isTrue();
            producer.close();
            consumer.close();
        }

        List<CollectedSpan> trace = traces.awaitTrace(traceId, t -> t.size() == 4, Duration.ofSeconds(5));
        assertThat(trace).extracting(CollectedSpan::name)
                .containsExactly("POST /bookings", "bookings publish", "bookings process", "smtp send");
        assertThat(trace).extracting(CollectedSpan::service)
                .containsExactly("booking-service", "booking-service", "mail-service", "mail-service");
        assertThat(trace).extracting(CollectedSpan::kind).containsExactly("SERVER", "PRODUCER", "CONSUMER", "CLIENT");
        assertThat(trace.get(0).spanId()).isEqualTo(serverSpanId);
        assertThat(trace.get(0).parentSpanId()).as("a root span has no parent").isNull();
        assertThat(trace.get(1).parentSpanId()).isEqualTo(serverSpanId);
        assertThat(trace.get(2).parentSpanId()).as("the consumer's parent is the producer span").isEqualTo(producerSpanId);
        assertThat(trace.get(3).parentSpanId()).isEqualTo(trace.get(2).spanId());
        assertThat(trace).allSatisfy(s -> assertThat(s.end()).isAfterOrEqualTo(s.start()));

        JSONArray json = (JSONArray) new JSONParser().parse(get("/traces/" + traceId, 200));
        assertThat(json).hasSize(4);
        JSONObject first = (JSONObject) json.get(0);
        assertThat(first).containsEntry("service", "booking-service").containsEntry("traceId", traceId)
                .containsEntry("spanId", serverSpanId).containsEntry("name", "POST /bookings").containsEntry("kind", "SERVER")
                .containsKeys("start", "end", "durationMicros");
        assertThat(first.get("parentSpanId")).isNull();
        assertThat(((JSONObject) json.get(2)).get("parentSpanId")).isEqualTo(producerSpanId);

        JSONArray latest = (JSONArray) new JSONParser().parse(get("/traces", 200));
        JSONObject summary = (JSONObject) latest.get(0);
        assertThat(summary).containsEntry("traceId", traceId).containsEntry("firstSpanName", "POST /bookings");
        assertThat(((Number) summary.get("spanCount")).intValue()).isEqualTo(4);
        assertThat((List<Object>) summary.get("services")).containsExactly("booking-service", "mail-service");
    }

    @Test
    void aGzippedRequestBuiltWithTheProtoClassesIsAcceptedWithAnEmptyProtobufAnswer() throws Exception {
        String traceId = hex(16);
        String spanId = hex(8);
        ExportTraceServiceRequest request = request("hand-made", traceId, spanId, "gzipped");
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(request.toByteArray());
        }

        HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(URI.create(traces.url() + "/v1/traces"))
                .header("Content-Type", "application/x-protobuf").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped.toByteArray())).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
        assertThat(answer.body()).as("an empty ExportTraceServiceResponse").isEmpty();
        assertThat(traces.trace(traceId)).singleElement().satisfies(s -> {
            assertThat(s.service()).isEqualTo("hand-made");
            assertThat(s.spanId()).isEqualTo(spanId);
            assertThat(s.name()).isEqualTo("gzipped");
            assertThat(s.kind()).isEqualTo("INTERNAL");
            assertThat(s.start()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 123_456_789L));
        });
    }

    @Test
    void whatIsNotAnOtlpProtobufExportIsRefusedAndKeepsNothing() throws Exception {
        assertThat(post("application/x-protobuf", new byte[] {(byte) 0xff, 0x01, 0x02}).statusCode()).isEqualTo(400);
        assertThat(post("application/json", "{\"resourceSpans\":[]}".getBytes()).statusCode()).isEqualTo(415);
        assertThat(get("/v1/traces", 405)).contains("POST");
        assertThat(get("/traces/not-a-trace-id", 400)).contains("32 hex digits");
        assertThat(get("/traces/" + hex(16), 200)).isEqualTo("[]");
        assertThat(traces.spanCount()).isZero();
    }

    @Test
    void keepsOnlyTheLatestSpans() throws Exception {
        traces.close();
        traces = LocalTraces.start(0, 3);
        String oldTrace = hex(16);
        assertThat(post("application/x-protobuf", request("svc", oldTrace, hex(8), "old").toByteArray()).statusCode()).isEqualTo(200);
        String newTrace = hex(16);
        for (int i = 0; i < 3; i++) {
            assertThat(post("application/x-protobuf", request("svc", newTrace, hex(8), "new " + i).toByteArray()).statusCode()).isEqualTo(200);
        }
        assertThat(traces.spanCount()).isEqualTo(3);
        assertThat(traces.trace(oldTrace)).as("the oldest span made room").isEmpty();
        assertThat(traces.trace(newTrace)).hasSize(3);
        assertThat(traces.latest(10)).extracting(TraceSummary::traceId).containsExactly(newTrace);
    }

    private SdkTracerProvider provider(String service, String compression) {
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder().setEndpoint(traces.url() + "/v1/traces")
                .setCompression(compression).build();
        return SdkTracerProvider.builder()
                .setResource(io.opentelemetry.sdk.resources.Resource.create(Attributes.builder().put("service.name", service).build()))
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    }

    private static ExportTraceServiceRequest request(String service, String traceId, String spanId, String name) {
        HexFormat hex = HexFormat.of();
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
                        .setValue(AnyValue.newBuilder().setStringValue(service))))
                .addScopeSpans(ScopeSpans.newBuilder().addSpans(io.opentelemetry.proto.trace.v1.Span.newBuilder()
                        .setTraceId(ByteString.copyFrom(hex.parseHex(traceId))).setSpanId(ByteString.copyFrom(hex.parseHex(spanId)))
                        .setName(name).setStartTimeUnixNano(1_700_000_000_123_456_789L).setEndTimeUnixNano(1_700_000_001_000_000_000L))))
                .build();
    }

    private HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(traces.url() + "/v1/traces")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path, int expected) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(traces.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + path + " → " + r.body()).isEqualTo(expected);
        return r.body();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }
}

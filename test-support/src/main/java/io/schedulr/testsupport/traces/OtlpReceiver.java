package io.schedulr.testsupport.traces;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * {@code POST /v1/traces}, OTLP/HTTP with a binary protobuf body ({@code application/x-protobuf}, plain or
 * {@code Content-Encoding: gzip}): keeps the spans and answers 200 with an empty {@code ExportTraceServiceResponse}.
 * OTLP/JSON is not spoken (415): the services' exporter sends protobuf.
 */
final class OtlpReceiver implements HttpHandler {
    static final String PATH = "/v1/traces";
    private static final String PROTOBUF = "application/x-protobuf";

    private final SpanStore store;

    OtlpReceiver(SpanStore store) {
        this.store = store;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                text(exchange, 404, "no such path; OTLP traces go to POST " + PATH);
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                text(exchange, 405, "POST an ExportTraceServiceRequest");
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null && !contentType.toLowerCase().startsWith(PROTOBUF)) {
                text(exchange, 415, "only " + PROTOBUF + " (OTLP/HTTP binary protobuf), not " + contentType);
                return;
            }
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            boolean gzip = encoding != null && encoding.equalsIgnoreCase("gzip");
            if (encoding != null && !gzip && !encoding.equalsIgnoreCase("identity")) {
                text(exchange, 415, "Content-Encoding " + encoding + " is not supported (gzip is)");
                return;
            }
            ExportTraceServiceRequest request;
            try (InputStream body = gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (InvalidProtocolBufferException | java.util.zip.ZipException e) {
                text(exchange, 400, "not an ExportTraceServiceRequest: " + e.getMessage());
                return;
            }
            store.addAll(OtlpSpans.of(request));
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", PROTOBUF);
            // -1: no body (the empty message is zero bytes; 0 would mean chunked to the JDK server)
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        } finally {
            exchange.close();
        }
    }

    private static void text(HttpExchange exchange, int status, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

package io.schedulr.testsupport.traces;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jose4j.json.internal.json_simple.JSONValue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What people and tests read: {@code GET /traces} (the latest traces: id, services, span count, first span name;
 * {@code ?limit=}, default {@value #DEFAULT_LIMIT}) and {@code GET /traces/{traceId}} (that trace's spans, sorted by
 * start; an empty array while none has arrived).
 */
final class TraceQueries implements HttpHandler {
    static final String PATH = "/traces";
    static final int DEFAULT_LIMIT = 50;
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

    private final SpanStore store;

    TraceQueries(SpanStore store) {
        this.store = store;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                json(exchange, 405, Map.of("error", "GET only"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals(PATH) || path.equals(PATH + "/")) {
                json(exchange, 200, store.latest(limit(exchange)).stream().map(TraceSummary::toJson).toList());
                return;
            }
            String traceId = path.substring(PATH.length() + 1).toLowerCase(Locale.ROOT);
            if (!TRACE_ID.matcher(traceId).matches()) {
                json(exchange, 400, Map.of("error", "a trace id is 32 hex digits, not " + traceId));
                return;
            }
            json(exchange, 200, store.trace(traceId).stream().map(CollectedSpan::toJson).toList());
        } finally {
            exchange.close();
        }
    }

    private static int limit(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("limit=")) {
                    try {
                        return Math.max(1, Integer.parseInt(pair.substring(6)));
                    } catch (NumberFormatException e) {
                        return DEFAULT_LIMIT;
                    }
                }
            }
        }
        return DEFAULT_LIMIT;
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSONValue.toJSONString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

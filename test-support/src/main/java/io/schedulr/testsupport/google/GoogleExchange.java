package io.schedulr.testsupport.google;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reading requests and writing answers on the JDK HTTP server, the way every route of the local Google needs. */
final class GoogleExchange {
    static final String JSON = "application/json; charset=UTF-8";

    private GoogleExchange() {
    }

    /** The request body; Google's Java client gzips what it sends ({@code Content-Encoding: gzip}). */
    static String body(HttpExchange exchange) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        InputStream in = exchange.getRequestBody();
        if (encoding != null && encoding.equalsIgnoreCase("gzip")) {
            in = new GZIPInputStream(in);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Query string and url-encoded form body together (the body wins), values trimmed. */
    static Map<String, String> form(HttpExchange exchange) throws IOException {
        Map<String, String> params = new HashMap<>();
        decode(exchange.getRequestURI().getRawQuery()).forEach((k, v) -> params.put(k, v.get(v.size() - 1)));
        decode(body(exchange)).forEach((k, v) -> params.put(k, v.get(v.size() - 1)));
        return params;
    }

    /** The query string with repeated parameters kept (Google's APIs repeat e.g. privateExtendedProperty). */
    static Map<String, List<String>> query(HttpExchange exchange) {
        return decode(exchange.getRequestURI().getRawQuery());
    }

    static void json(HttpExchange exchange, int status, String json) throws IOException {
        respond(exchange, status, JSON, json);
    }

    static void json(HttpExchange exchange, int status, Map<String, ?> json) throws IOException {
        respond(exchange, status, JSON, Json.write(json));
    }

    static void noContent(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    static String bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }

    private static Map<String, List<String>> decode(String encoded) {
        Map<String, List<String>> into = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return into;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8).trim();
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).trim();
            into.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return into;
    }
}

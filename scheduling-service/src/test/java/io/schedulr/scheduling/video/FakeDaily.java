package io.schedulr.scheduling.video;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A local stand-in for Daily's REST API that speaks its documented wire format: {@code POST /v1/rooms} with a Bearer key
 * (the room takes the requested {@code name}), {@code DELETE /v1/rooms/{name}} answering {@code {"deleted":true,"name":…}},
 * JSON room objects on success, JSON {@code {"error": ..., "info": ...}} bodies on failure.
 * Tests steer and inspect it over HTTP ({@code /_fake/...}), because Quarkus loads test classes in more than one class loader.
 */
public final class FakeDaily {
    public record Request(String method, String path, String authorization, String contentType, String body) {
    }

    private static HttpServer server;
    private static final Queue<Integer> SCRIPT = new ConcurrentLinkedQueue<>();
    private static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");
    private static volatile long createDelayMillis;

    private FakeDaily() {
    }

    public static synchronized String start() throws IOException {
        if (server == null) {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            server.createContext("/v1/rooms", exchange -> {
                if ("DELETE".equals(exchange.getRequestMethod())) {
                    deleteRoom(exchange);
                } else {
                    createRoom(exchange);
                }
            });
            // Many threads, so a slow answer (delay) does not hold the others back, as with the real service.
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/_fake/script", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim();
                SCRIPT.clear();
                REQUESTS.clear();
                createDelayMillis = 0;
                if (!body.isEmpty()) {
                    Arrays.stream(body.split(",")).map(String::trim).map(Integer::valueOf).forEach(SCRIPT::add);
                }
                respond(exchange, 204, "");
            });
            server.createContext("/_fake/delay", exchange -> {
                createDelayMillis = Long.parseLong(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim());
                respond(exchange, 204, "");
            });
            server.createContext("/_fake/requests", exchange -> respond(exchange, 200, REQUESTS.stream()
                    .map(r -> r.method() + "\t" + r.path() + "\t" + r.authorization() + "\t" + r.contentType() + "\t" + r.body())
                    .collect(Collectors.joining("\n"))));
            server.start();
        }
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** The next responses' statuses, in order; after them every call succeeds. Also forgets earlier requests. */
    public static void script(String baseUrl, Integer... statuses) {
        call(HttpRequest.newBuilder(URI.create(baseUrl + "/_fake/script")).POST(HttpRequest.BodyPublishers.ofString(
                Arrays.stream(statuses).map(String::valueOf).collect(Collectors.joining(",")))).build());
    }

    /** Every later room creation answers after this long (a slow provider). */
    public static void delayCreation(String baseUrl, long millis) {
        call(HttpRequest.newBuilder(URI.create(baseUrl + "/_fake/delay")).POST(HttpRequest.BodyPublishers.ofString(String.valueOf(millis)))
                .build());
    }

    public static List<Request> requests(String baseUrl) {
        String body = call(HttpRequest.newBuilder(URI.create(baseUrl + "/_fake/requests")).build());
        if (body.isBlank()) {
            return List.of();
        }
        return Arrays.stream(body.split("\n")).map(line -> line.split("\t", 5))
                .map(p -> new Request(p[0], p[1], p[2], p[3], p[4])).toList();
    }

    private static void createRoom(HttpExchange exchange) throws IOException {
        String body = record(exchange);
        sleep(createDelayMillis);
        Integer status = SCRIPT.poll();
        int code = status == null ? 200 : status;
        java.util.regex.Matcher requested = NAME.matcher(body);
        String name = requested.find() ? requested.group(1) : "fake-" + REQUESTS.size();
        String response = code == 200
                ? "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"" + name + "\",\"api_created\":true,"
                + "\"privacy\":\"public\",\"url\":\"https://schedulr.daily.co/" + name + "\",\"created_at\":\"2030-01-01T00:00:00.000Z\","
                + "\"config\":{}}"
                : "{\"error\":\"" + (code == 401 ? "authentication-error" : code == 429 ? "rate-limit-error" : "server-error")
                + "\",\"info\":\"scripted failure\"}";
        respond(exchange, code, response);
    }

    private static void deleteRoom(HttpExchange exchange) throws IOException {
        record(exchange);
        String path = exchange.getRequestURI().getPath();
        respond(exchange, 200, "{\"deleted\":true,\"name\":\"" + path.substring(path.lastIndexOf('/') + 1) + "\"}");
    }

    private static String record(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        REQUESTS.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"),
                body.isEmpty() ? "-" : body.replace('\n', ' ').replace('\t', ' ')));
        return body;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    private static String call(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

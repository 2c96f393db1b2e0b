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
 * A local stand-in for Daily's REST API that speaks its documented wire format: {@code POST /v1/rooms} with a Bearer key,
 * JSON room objects on success, JSON {@code {"error": ..., "info": ...}} bodies on failure.
 * Tests steer and inspect it over HTTP ({@code /_fake/...}), because Quarkus loads test classes in more than one class loader.
 */
public final class FakeDaily {
    public record Request(String authorization, String contentType, String body) {
    }

    private static HttpServer server;
    private static final Queue<Integer> SCRIPT = new ConcurrentLinkedQueue<>();
    private static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private FakeDaily() {
    }

    public static synchronized String start() throws IOException {
        if (server == null) {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            server.createContext("/v1/rooms", FakeDaily::createRoom);
            server.createContext("/_fake/script", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim();
                SCRIPT.clear();
                REQUESTS.clear();
                if (!body.isEmpty()) {
                    Arrays.stream(body.split(",")).map(String::trim).map(Integer::valueOf).forEach(SCRIPT::add);
                }
                respond(exchange, 204, "");
            });
            server.createContext("/_fake/requests", exchange -> respond(exchange, 200, REQUESTS.stream()
                    .map(r -> r.authorization() + "\t" + r.contentType() + "\t" + r.body()).collect(Collectors.joining("\n"))));
            server.start();
        }
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** The next responses' statuses, in order; after them every call succeeds. Also forgets earlier requests. */
    public static void script(String baseUrl, Integer... statuses) {
        call(HttpRequest.newBuilder(URI.create(baseUrl + "/_fake/script")).POST(HttpRequest.BodyPublishers.ofString(
                Arrays.stream(statuses).map(String::valueOf).collect(Collectors.joining(",")))).build());
    }

    public static List<Request> requests(String baseUrl) {
        String body = call(HttpRequest.newBuilder(URI.create(baseUrl + "/_fake/requests")).build());
        if (body.isBlank()) {
            return List.of();
        }
        return Arrays.stream(body.split("\n")).map(line -> line.split("\t", 3))
                .map(p -> new Request(p[0], p[1], p[2])).toList();
    }

    private static void createRoom(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        REQUESTS.add(new Request(exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body.replace('\n', ' ').replace('\t', ' ')));
        Integer status = SCRIPT.poll();
        int code = status == null ? 200 : status;
        String name = "fake-" + REQUESTS.size();
        String response = code == 200
                ? "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"" + name + "\",\"api_created\":true,"
                + "\"privacy\":\"public\",\"url\":\"https://schedulr.daily.co/" + name + "\",\"created_at\":\"2030-01-01T00:00:00.000Z\","
                + "\"config\":{}}"
                : "{\"error\":\"" + (code == 401 ? "authentication-error" : code == 429 ? "rate-limit-error" : "server-error")
                + "\",\"info\":\"scripted failure\"}";
        respond(exchange, code, response);
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

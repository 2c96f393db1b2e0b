package io.schedulr.scheduling.interview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in for notification-service's {@code GET /internal/interviews/{id}/invitation-mails} as docs/operations.md
 * describes it (the real service answers it end to end in deploy's tests). It refuses any key but {@link #KEY} with 401, as
 * the real route does. Tests steer and read it over HTTP: {@code PUT /_fake/mails/{id}} with the answer's JSON (or a bare
 * status number to answer with that status), {@code GET /_fake/asked} the interview ids asked about, one per line.
 */
public final class FakeNotificationService {
    public static final String KEY = "test-notification-key";
    private static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();
    private static final List<String> ASKED = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    private FakeNotificationService() {
    }

    public static synchronized String start() throws IOException {
        if (server == null) {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
            server.createContext("/internal/interviews/", FakeNotificationService::mails);
            server.createContext("/_fake/mails/", ex -> {
                String id = ex.getRequestURI().getPath().substring("/_fake/mails/".length());
                ANSWERS.put(id, new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                answer(ex, 204, null);
            });
            server.createContext("/_fake/asked", ex -> answer(ex, 200, String.join("\n", ASKED)));
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.start();
        }
        return "http://localhost:" + server.getAddress().getPort();
    }

    private static void mails(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (!path.endsWith("/invitation-mails") || !"GET".equals(ex.getRequestMethod())) {
            answer(ex, 404, "{\"code\":\"not_found\",\"message\":\"No such route.\"}");
            return;
        }
        if (!KEY.equals(ex.getRequestHeaders().getFirst("X-Schedulr-Service-Key"))) {
            answer(ex, 401, "{\"code\":\"unauthorized\",\"message\":\"A valid X-Schedulr-Service-Key header is required.\"}");
            return;
        }
        String id = path.substring("/internal/interviews/".length(), path.length() - "/invitation-mails".length());
        ASKED.add(id);
        String answer = ANSWERS.getOrDefault(id, "{\"mails\":[]}");
        if (answer.matches("\\d{3}")) {
            answer(ex, Integer.parseInt(answer), "{\"code\":\"failed\",\"message\":\"As the test asked.\"}");
        } else {
            answer(ex, 200, answer);
        }
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            ex.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }
}

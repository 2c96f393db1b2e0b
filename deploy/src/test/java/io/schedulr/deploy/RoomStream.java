package io.schedulr.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One subscriber of scheduling-service's Server-Sent Events: the event types it received, per room, in arrival order. */
final class RoomStream implements AutoCloseable {
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ROOM_ID = Pattern.compile("\"room\"\\s*:\\s*\\{[^}]*?\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final Map<String, List<String>> typesByRoom = new LinkedHashMap<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile boolean connected;

    private RoomStream(HttpClient http, URI uri, String token) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").GET().build();
        response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> r.body().forEach(this::line));
    }

    static RoomStream open(HttpClient http, URI uri, String token) throws InterruptedException {
        RoomStream stream = new RoomStream(http, uri, token);
        Instant deadline = Instant.now().plusSeconds(30);
        while (!stream.connected && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        if (!stream.connected) {
            throw new IllegalStateException("no 'connected' event from " + uri);
        }
        return stream;
    }

    private void line(String line) {
        if (!line.startsWith("data:")) {
            return;
        }
        Matcher type = TYPE.matcher(line);
        if (!type.find()) {
            return;
        }
        if (type.group(1).equals("connected")) {
            connected = true;
            return;
        }
        Matcher room = ROOM_ID.matcher(line);
        if (room.find()) {
            synchronized (typesByRoom) {
                typesByRoom.computeIfAbsent(room.group(1), id -> new ArrayList<>()).add(type.group(1));
            }
        }
    }

    /** Waits until every room has at least {@code count} events, or the timeout; returns what arrived. */
    Map<String, List<String>> await(List<String> rooms, int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && !rooms.stream().allMatch(room -> typesOf(room).size() >= count)) {
            Thread.sleep(100);
        }
        Map<String, List<String>> seen = new LinkedHashMap<>();
        rooms.forEach(room -> seen.put(room, typesOf(room)));
        return seen;
    }

    private List<String> typesOf(String room) {
        synchronized (typesByRoom) {
            return List.copyOf(typesByRoom.getOrDefault(room, List.of()));
        }
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(r -> r.body().close());
    }
}

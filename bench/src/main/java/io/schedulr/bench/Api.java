package io.schedulr.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP calls the benchmark makes: tokens from the development issuer, room creation and booking. */
final class Api {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SUB = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"");

    /** A person: their bearer token, user id (token subject) and e-mail address. */
    record User(String token, String id, String email) {
    }

    /** One answer: HTTP status, body, and how long the call took. */
    record Answer(int status, String body, long nanos) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final HttpClient browser = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String issuerUrl;
    private final String schedulingUrl;
    private final String calendarSyncUrl;

    private final boolean connect;

    /** @param connect whether each person minted connects their Google calendar (bench.calendar) */
    Api(String issuerUrl, String schedulingUrl, String calendarSyncUrl, boolean connect) {
        this.connect = connect;
        this.issuerUrl = issuerUrl;
        this.schedulingUrl = schedulingUrl;
        this.calendarSyncUrl = calendarSyncUrl;
    }

    User mint(String email, String name) throws IOException, InterruptedException {
        String form = "email=" + email + "&name=" + name + "&tz=UTC&expires_in=7200";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(issuerUrl + "/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("token issuer answered " + r.statusCode() + ": " + r.body());
        }
        User user = new User(find(ACCESS_TOKEN, r.body()), find(SUB, r.body()), email);
        if (connect) {
            connectCalendar(user);
        }
        return user;
    }

    /**
     * Connects the person's Google Calendar (the local Google consents at once), as scheduling-service's gate asks.
     * A build from before the gate has no such route (404): nothing to do there.
     */
    private void connectCalendar(User user) throws IOException, InterruptedException {
        HttpResponse<String> start = browser.send(HttpRequest.newBuilder(URI.create(calendarSyncUrl + "/api/auth/google/start"))
                .header("Authorization", "Bearer " + user.token()).build(), HttpResponse.BodyHandlers.ofString());
        if (start.statusCode() == 404) {
            return;
        }
        String next = start.headers().firstValue("Location").orElseThrow(() -> new IOException("start answered " + start.statusCode()));
        HttpResponse<String> consent = browser.send(HttpRequest.newBuilder(URI.create(next)).build(), HttpResponse.BodyHandlers.ofString());
        String callback = consent.headers().firstValue("Location").orElseThrow(() -> new IOException("consent answered " + consent.statusCode()));
        HttpResponse<String> connected = browser.send(HttpRequest.newBuilder(URI.create(callback)).build(), HttpResponse.BodyHandlers.ofString());
        if (connected.statusCode() != 200) {
            throw new IOException("connecting the calendar of " + user.email() + " answered " + connected.statusCode() + ": " + connected.body());
        }
    }

    /** Creates a room; returns its id. */
    String createRoom(User host, String datetimeUtc) throws IOException, InterruptedException {
        Answer a = create(host, datetimeUtc);
        if (a.status() != 201) {
            throw new IOException("create answered " + a.status() + ": " + a.body());
        }
        return roomId(a);
    }

    /** Creates a room and returns the answer as it is (201 with the room, or whatever else the service said). */
    Answer create(User host, String datetimeUtc) throws IOException, InterruptedException {
        return post(host, "/api/practice-room/create", "{\"datetimeUtc\":\"" + datetimeUtc + "\",\"private\":false}");
    }

    /** The id of the room in a 201 answer of {@link #create}. */
    static String roomId(Answer created) throws IOException {
        return find(ID, created.body());
    }

    Answer book(User guest, String roomId) throws IOException, InterruptedException {
        return post(guest, "/api/practice-room/update", "{\"roomId\":\"" + roomId + "\",\"guestId\":\"" + guest.id() + "\"}");
    }

    private Answer post(User user, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(schedulingUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        // A fresh connection reaches scheduling-service over Kafka a moment after the callback; only set-up meets this.
        while (r.statusCode() == 403 && r.body().contains("calendar_not_connected") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            start = System.nanoTime();
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        return new Answer(r.statusCode(), r.body(), System.nanoTime() - start);
    }

    /** {@code GET <path>} at scheduling-service as {@code user}. */
    Answer get(User user, String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(schedulingUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + user.token()).GET().build();
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), System.nanoTime() - start);
    }

    /** scheduling-service's base URL. */
    String schedulingUrl() {
        return schedulingUrl;
    }

    /** {@code GET /api/practice-rooms/{id}} as {@code user}. */
    Answer room(User user, String roomId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(schedulingUrl + "/api/practice-rooms/" + roomId))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + user.token()).GET().build();
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), System.nanoTime() - start);
    }

    /** The local Google's control API: {@code GET /_control/<routeAndQuery>}. */
    Answer googleGet(String routeAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuerUrl + "/_control/" + routeAndQuery))
                .timeout(Duration.ofSeconds(30)).GET().build();
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), System.nanoTime() - start);
    }

    /** The local Google's control API: {@code POST /_control/<route>} with a JSON body. */
    Answer googlePost(String route, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuerUrl + "/_control/" + route))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), System.nanoTime() - start);
    }

    int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String find(Pattern pattern, String body) throws IOException {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IOException("no " + pattern + " in " + body);
        }
        return m.group(1);
    }
}

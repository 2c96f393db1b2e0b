package io.schedulr.calcom.calcomapi;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedulr.testsupport.calcom.LocalCalcom;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Dates that do not collide between tests, and the local Cal.com's own view through its control API. */
final class LocalCalcomData {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final AtomicInteger WEEK = new AtomicInteger(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalCalcomData() {
    }

    /** A Monday of its own for each use, far enough from the webhook tests' weeks. */
    static LocalDate freshMonday() {
        return LocalDate.now(BERLIN).plusWeeks(WEEK.getAndIncrement()).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    static Instant berlin(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(BERLIN).toInstant();
    }

    /** {@code GET /_control/bookings}: what the local Cal.com holds. */
    static String bookings(LocalCalcom calcom) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(calcom.url() + "/_control/bookings")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static void resetRateLimit(LocalCalcom calcom) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(calcom.url() + "/_control/rate-limit/reset"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code POST /_control/fail}: e.g. {@code {"count":2,"status":500}} or {@code {"count":1,"mode":"drop"}}. */
    static void fail(LocalCalcom calcom, String json) throws Exception {
        HttpResponse<String> response = post(calcom, "fail", json);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the local Cal.com refused " + json + ": " + response.body());
        }
    }

    /** No injected failure left. */
    static void stopFailing(LocalCalcom calcom) throws Exception {
        fail(calcom, "{\"count\":0,\"status\":500}");
    }

    /** {@code GET /_control/calls}: the API v2 calls the local Cal.com received, each {@code method, path, status} (0: dropped). */
    static List<Map<String, Object>> calls(LocalCalcom calcom) throws Exception {
        return JSON.readValue(get(calcom, "calls"), new TypeReference<>() {
        });
    }

    /** The statuses the local Cal.com answered to {@code method path}, oldest first (0: the connection was dropped). */
    static List<Integer> answered(LocalCalcom calcom, String method, String path) throws Exception {
        return calls(calcom).stream().filter(c -> method.equals(c.get("method")) && path.equals(c.get("path")))
                .map(c -> ((Number) c.get("status")).intValue()).toList();
    }

    /** {@code GET /_control/bookings}, parsed. */
    static List<Map<String, Object>> bookingList(LocalCalcom calcom) throws Exception {
        return JSON.readValue(bookings(calcom), new TypeReference<>() {
        });
    }

    private static String get(LocalCalcom calcom, String route) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(calcom.url() + "/_control/" + route)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> post(LocalCalcom calcom, String route, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(calcom.url() + "/_control/" + route))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

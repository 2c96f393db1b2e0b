package io.schedulr.calcom.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedulr.testsupport.calcom.CalcomSettings;
import io.schedulr.testsupport.calcom.LocalCalcom;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.atomic.AtomicInteger;

/** Plain HTTP against a local Cal.com: its API as any client, its control API as the attendee or host would act. */
final class LocalCalcomDriver implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final AtomicInteger WEEK = new AtomicInteger(1);

    final LocalCalcom calcom;
    private final String key;
    private final long eventTypeId;

    private LocalCalcomDriver(LocalCalcom calcom, String key) throws Exception {
        this.calcom = calcom;
        this.key = key;
        long found = -1;
        for (JsonNode type : call("GET", "/v2/teams/" + calcom.teamId() + "/event-types", LocalCalcom.TEAM_EVENT_TYPES_API_VERSION, null)
                .get("data")) {
            if (type.get("lengthInMinutes").asInt() == 30) {
                found = type.get("id").asLong();
            }
        }
        this.eventTypeId = found;
    }

    /** A local Cal.com whose account has a webhook subscription to {@code subscriberUrl} signed with {@code secret}. */
    static LocalCalcomDriver start(String subscriberUrl, String secret) throws Exception {
        String key = CalcomSettings.developmentKey();
        LocalCalcom calcom = LocalCalcom.start(0, CalcomSettings.defaults(key).withWebhook(subscriberUrl, secret)
                .withRetryDelay(Duration.ofMillis(200)));
        return new LocalCalcomDriver(calcom, key);
    }

    /** A driver of a local Cal.com someone else started (and stops): {@link #close()} is not for it. */
    static LocalCalcomDriver of(LocalCalcom calcom, String key) throws Exception {
        return new LocalCalcomDriver(calcom, key);
    }

    /** A fresh free slot: 10:00 Berlin on a Monday no other booking of this JVM uses. */
    static Instant freshSlot() {
        LocalDate monday = LocalDate.now(BERLIN).plusWeeks(WEEK.getAndIncrement()).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        return monday.atTime(LocalTime.of(10, 0)).atZone(BERLIN).toInstant();
    }

    /** Books through {@code POST /v2/bookings}; answers the booking ({@code uid}, {@code icsUid}, …). */
    JsonNode book(Instant start, String email) throws Exception {
        return book(start, email, eventTypeId);
    }

    /** Books the event type {@code type} through {@code POST /v2/bookings}. */
    JsonNode book(Instant start, String email, long type) throws Exception {
        String body = """
                {"start":"%s","eventTypeId":%d,"attendee":{"name":"Grace Candidate","email":"%s","timeZone":"America/New_York"},
                 "guests":["observer@partner.test"],"metadata":{"interviewId":"iv-42"},"lengthInMinutes":30}
                """.formatted(start, type, email);
        return call("POST", "/v2/bookings", LocalCalcom.BOOKINGS_API_VERSION, body).get("data");
    }

    /** A new 30-minute team event type whose bookings wait for a host to confirm or decline them; answers its id. */
    long eventTypeNeedingConfirmation() throws Exception {
        return control("event-types", "{\"slug\":\"confirm-" + System.nanoTime() + "\",\"title\":\"Interview (needs confirmation)\","
                + "\"lengthInMinutes\":30,\"teamId\":" + calcom.teamId() + ",\"requiresConfirmation\":true}").get("id").asLong();
    }

    JsonNode subscribe(String subscriberUrl, String secret) throws Exception {
        return call("POST", "/v2/webhooks", null, JSON.writeValueAsString(java.util.Map.of("subscriberUrl", subscriberUrl, "secret", secret,
                "active", true, "triggers", java.util.List.of("BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED")))).get("data");
    }

    void unsubscribe(long id) throws Exception {
        call("DELETE", "/v2/webhooks/" + id, null, null);
    }

    /** {@code POST /_control/<route>} with a JSON body. */
    JsonNode control(String route, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(calcom.url() + "/_control/" + route)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    JsonNode deliveries() throws Exception {
        return send(HttpRequest.newBuilder(URI.create(calcom.url() + "/_control/deliveries")).GET());
    }

    /** The id of the first delivery of {@code trigger} whose body names {@code uid}. */
    long deliveryOf(String trigger, String uid) throws Exception {
        for (JsonNode d : deliveries()) {
            if (d.get("triggerEvent").asText().equals(trigger) && d.get("body").asText().contains("\"uid\":\"" + uid + "\"")
                    && d.get("kind").asText().equals("original")) {
                return d.get("id").asLong();
            }
        }
        throw new AssertionError("no " + trigger + " delivery for " + uid);
    }

    JsonNode delivery(long id) throws Exception {
        for (JsonNode d : deliveries()) {
            if (d.get("id").asLong() == id) {
                return d;
            }
        }
        throw new AssertionError("no delivery " + id);
    }

    private JsonNode call(String method, String path, String version, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(calcom.url() + path)).header("Authorization", "Bearer " + key);
        if (version != null) {
            request.header("cal-api-version", version);
        }
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(request);
    }

    private static JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError("local Cal.com answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        calcom.close();
    }
}

package io.schedulr.calendarsync.mirror;

import io.restassured.path.json.JsonPath;
import io.schedulr.calendarsync.connection.GoogleConsent;
import io.schedulr.calendarsync.connection.ConnectionRows;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.Participant;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.events.Topics;
import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.TestUser;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Rooms published as room events and read back from the local Google, for the tests of both directions. */
final class MirrorFixtures {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Duration WAIT = Duration.ofSeconds(30);
    /** What each published event id was sent as, to deliver the very same record again. */
    static final Map<String, String> SENT = new java.util.concurrent.ConcurrentHashMap<>();
    private static KafkaProducer<String, String> producer;

    private MirrorFixtures() {
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /** A room the host booked with a guest, starting two days from now. */
    static final class Room {
        final String id;
        final String icsUid;
        final String guestEmail = "guest-" + UUID.randomUUID() + "@example.com";
        final Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        final TestUser host;

        Room(TestUser host) {
            this(host, "room-" + UUID.randomUUID());
        }

        Room(TestUser host, String id) {
            this.host = host;
            this.id = id;
            this.icsUid = "room-" + UUID.randomUUID() + "@schedulr.test";
        }
    }

    static String publish(Room room, RoomEventType type, int sequence, Instant start) {
        return publish(room, type, sequence, start, Map.of());
    }

    /** With extra record headers, e.g. the W3C {@code traceparent} scheduling-service's relay sends. */
    static String publish(Room room, RoomEventType type, int sequence, Instant start, Map<String, String> headers) {
        String eventId = UUID.randomUUID().toString();
        RoomEvent data = new RoomEvent(room.id, room.icsUid, sequence, start, start.plus(30, ChronoUnit.MINUTES), "Mentoring with Hana",
                "https://app.schedulr.test/rooms/" + room.id, false, "booked",
                new Participant(room.host.id(), room.host.email(), room.host.name(), room.host.timeZone()),
                new Participant("guest-sub-" + room.id, room.guestEmail, "Gus Guest", "UTC"));
        String json = EventCodec.encode(CloudEvent.of(eventId, "/scheduling-service", type.cloudEventType(), Instant.now(), room.id, data));
        SENT.put(eventId, json);
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ROOM_EVENTS, room.id, json);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    static void send(String key, String json) {
        send(Topics.ROOM_EVENTS, key, json);
    }

    static void send(String topic, String key, String json) {
        try {
            producer().send(new ProducerRecord<>(topic, key, json)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> awaitOneEvent(TestUser host, Room room) {
        await().atMost(WAIT).until(() -> !eventsOf(host, room).isEmpty());
        List<Map<String, Object>> events = eventsOf(host, room);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** The host's events that carry this room's private property, as the local Google holds them. */
    static List<Map<String, Object>> eventsOf(TestUser host, Room room) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(TestInfra.get().issuerUrl() + "/_control/events?email="
                    + URLEncoder.encode(host.email(), StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            List<Map<String, Object>> events = JsonPath.from(answer.body()).getList("events");
            return events.stream().filter(e -> String.valueOf(e.get("extendedProperties")).contains("schedulrRoomId=" + room.id)).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The invitation mails the local Google sent this person (writes with {@code sendUpdates=all}), oldest first. */
    static List<Map<String, Object>> mailsTo(String email) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(TestInfra.get().issuerUrl() + "/_control/mails?to="
                    + URLEncoder.encode(email, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            return JsonPath.from(answer.body()).getList("mails");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Instant instant(Map<String, Object> event, String field) {
        return OffsetDateTime.parse((String) ((Map<String, Object>) event.get(field)).get("dateTime")).toInstant();
    }

    static String connect(TestUser user) {
        Map<String, String> back = GoogleConsent.consent(user, "");
        return given().queryParam("code", back.get("code")).queryParam("state", back.get("state"))
                .when().get("/api/auth/google/callback")
                .then().statusCode(200).body("status", equalTo("connected")).extract().jsonPath().getString("calendarId");
    }
    /** The person's channel is open and proven (Google's {@code sync} message reached us), and a first sync ran. */
    static String awaitWatched(TestUser host) {
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM webhook_channels WHERE user_id = ? AND status = 'active' "
                + "AND confirmed_at IS NOT NULL", host.id()) == 1);
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM calendar_sync WHERE user_id = ? AND sync_token IS NOT NULL "
                + "AND requested_at IS NULL", host.id()) == 1);
        return ConnectionRows.row("SELECT channel_id FROM webhook_channels WHERE user_id = ? AND status = 'active'", host.id()).get("channel_id");
    }

    /**
     * A booking's mirror job written straight into the table, as an earlier version or earlier failures left it; the times
     * are SQL expressions ({@code "now() + interval '2 days'"}), the meeting's UID is {@code <roomId>@schedulr.test}.
     */
    static void queuedJob(String hostId, String roomId, String title, String start, String end, String due, String createdAt) {
        ConnectionRows.execute("INSERT INTO mirror_job (event_id, room_id, kind, sequence, host_id, ics_uid, time_zone, title, "
                + "start_utc, end_utc, next_attempt_at, created_at) VALUES (gen_random_uuid()::text, ?, 'booked', 0, ?, ?, 'UTC', ?, "
                + start + ", " + end + ", " + due + ", " + createdAt + ")", roomId, hostId, roomId + "@schedulr.test", title);
    }

}

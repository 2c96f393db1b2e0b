package io.schedulr.calendarsync.mirror;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.schedulr.calendarsync.connection.ConnectionRows;
import io.schedulr.calendarsync.connection.GoogleConsent;
import io.schedulr.calendarsync.connection.LocalGoogleAccount;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.Participant;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.events.Topics;
import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

/**
 * Room events from Kafka onto the host's dedicated calendar at the local Google over HTTP, with real PostgreSQL and
 * Kafka: what the host sees in their Google Calendar.
 */
@QuarkusTest
class RoomMirrorTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaProducer<String, String> producer;
    /** What each published event id was sent as, to deliver the very same record again. */
    private static final Map<String, String> SENT = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    void aBookingBecomesOneEventOnTheHostsDedicatedCalendarEvenWhenDeliveredAgain() {
        TestUser host = Tokens.newUser("Hana Host", "Europe/Berlin");
        String calendarId = connect(host);
        Room room = new Room(host);

        // A record that is no room event, ahead of the booking on the room's partition: skipped, it holds nothing up.
        send(room.id, "{not a room event");
        String booked = publish(room, RoomEventType.ROOM_BOOKED, 0, room.start);
        Map<String, Object> event = awaitOneEvent(host, room);

        assertThat(event.get("calendarId")).isEqualTo(calendarId);
        assertThat(event.get("calendarSummary")).isEqualTo("Schedulr Meetings");
        assertThat(event.get("iCalUID")).isEqualTo(room.icsUid);
        assertThat(event.get("summary")).isEqualTo("Mentoring with Hana");
        assertThat(event.get("status")).isEqualTo("confirmed");
        assertThat(instant(event, "start")).isEqualTo(room.start);
        assertThat(event.toString()).contains("Europe/Berlin");
        assertThat((List<?>) event.get("attendees")).singleElement().asString().contains(room.guestEmail);
        assertThat(event.get("extendedProperties").toString()).contains("schedulrRoomId=" + room.id, "schedulrIcsUid=" + room.icsUid);
        assertThat(ConnectionRows.count("SELECT count(*) FROM room_mirror WHERE room_id = ? AND google_event_id IS NOT NULL", room.id))
                .isEqualTo(1);

        // Kafka delivers the same record again, and the booking is replayed under a new event id: still one event.
        send(room.id, SENT.get(booked));
        String replay = publish(room, RoomEventType.ROOM_BOOKED, 0, room.start);
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE status = 'done' AND event_id = ?",
                replay) == 1);
        assertThat(eventsOf(host, room)).hasSize(1);
        assertThat(ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE room_id = ?", room.id)).isEqualTo(2);
        assertThat(ConnectionRows.count("SELECT count(*) FROM google_call_audit WHERE room_id = ? AND operation = 'events.insert' "
                + "AND outcome = 'ok'", room.id)).isEqualTo(1);
    }

    @Test
    void aRescheduleMovesTheEventAndACancellationDeletesIt() {
        TestUser host = Tokens.newUser("Hana Host", "America/New_York");
        connect(host);
        Room room = new Room(host);
        publish(room, RoomEventType.ROOM_BOOKED, 0, room.start);
        awaitOneEvent(host, room);

        Instant moved = room.start.plus(1, ChronoUnit.DAYS);
        publish(room, RoomEventType.ROOM_RESCHEDULED, 1, moved);
        await().atMost(WAIT).until(() -> instant(eventsOf(host, room).get(0), "start").equals(moved));
        assertThat(instant(eventsOf(host, room).get(0), "end")).isEqualTo(moved.plus(30, ChronoUnit.MINUTES));

        publish(room, RoomEventType.ROOM_CANCELLED, 2, moved);
        await().atMost(WAIT).until(() -> "cancelled".equals(eventsOf(host, room).get(0).get("status")));
        assertThat(eventsOf(host, room)).hasSize(1);
        assertThat(ConnectionRows.count("SELECT count(*) FROM room_mirror WHERE room_id = ? AND status = 'cancelled'", room.id))
                .isEqualTo(1);

        // A reschedule redelivered after the cancellation changes nothing on Google and is recorded as dropped.
        String late = publish(room, RoomEventType.ROOM_RESCHEDULED, 1, moved.plus(1, ChronoUnit.HOURS));
        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE status = 'dropped' AND event_id = ?",
                late) == 1);
        assertThat(eventsOf(host, room).get(0).get("status")).isEqualTo("cancelled");
        assertThat(ConnectionRows.count("SELECT count(*) FROM google_call_audit WHERE room_id = ? AND outcome LIKE 'dropped:%'", room.id))
                .isEqualTo(1);
    }

    @Test
    void aHostWithoutAConnectedCalendarGetsNothing() {
        TestUser host = Tokens.newUser("Nico Noconnect", "Europe/Paris");
        Room room = new Room(host);

        String booked = publish(room, RoomEventType.ROOM_BOOKED, 0, room.start);

        await().atMost(WAIT).until(() -> ConnectionRows.count("SELECT count(*) FROM consumed_event WHERE event_id = ?", booked) == 1);
        assertThat(ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE room_id = ?", room.id)).isZero();
        assertThat(eventsOf(host, room)).isEmpty();
    }

    @Test
    void googleFailingThreeTimesStillGetsTheBookingExactlyOnce() {
        TestUser host = Tokens.newUser("Hana Host", "Europe/Berlin");
        connect(host);
        Room room = new Room(host);
        LocalGoogleAccount.control("fail", "{\"count\": 3, \"status\": 500}");

        publish(room, RoomEventType.ROOM_BOOKED, 0, room.start);

        awaitOneEvent(host, room);
        assertThat(ConnectionRows.count("SELECT count(*) FROM google_call_audit WHERE room_id = ? AND outcome LIKE 'unavailable%'", room.id))
                .isGreaterThanOrEqualTo(1);
        assertThat(ConnectionRows.count("SELECT count(*) FROM mirror_job WHERE room_id = ? AND status = 'done'", room.id)).isEqualTo(1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> eventsOf(host, room).size() == 1);
    }

    /** A room the host booked with a guest, starting two days from now. */
    private static final class Room {
        final String id = "room-" + UUID.randomUUID();
        final String icsUid = id + "@schedulr.test";
        final String guestEmail = "guest-" + UUID.randomUUID() + "@example.com";
        final Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        final TestUser host;

        Room(TestUser host) {
            this.host = host;
        }
    }

    private static String publish(Room room, RoomEventType type, int sequence, Instant start) {
        String eventId = UUID.randomUUID().toString();
        RoomEvent data = new RoomEvent(room.id, room.icsUid, sequence, start, start.plus(30, ChronoUnit.MINUTES), "Mentoring with Hana",
                "https://app.schedulr.test/rooms/" + room.id, false, "booked",
                new Participant(room.host.id(), room.host.email(), room.host.name(), room.host.timeZone()),
                new Participant("guest-sub-" + room.id, room.guestEmail, "Gus Guest", "UTC"));
        String json = EventCodec.encode(CloudEvent.of(eventId, "/scheduling-service", type.cloudEventType(), Instant.now(), room.id, data));
        SENT.put(eventId, json);
        send(room.id, json);
        return eventId;
    }

    private static void send(String key, String json) {
        try {
            producer.send(new ProducerRecord<>(Topics.ROOM_EVENTS, key, json)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> awaitOneEvent(TestUser host, Room room) {
        await().atMost(WAIT).until(() -> !eventsOf(host, room).isEmpty());
        List<Map<String, Object>> events = eventsOf(host, room);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** The host's events that carry this room's private property, as the local Google holds them. */
    private static List<Map<String, Object>> eventsOf(TestUser host, Room room) {
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

    @SuppressWarnings("unchecked")
    private static Instant instant(Map<String, Object> event, String field) {
        return OffsetDateTime.parse((String) ((Map<String, Object>) event.get(field)).get("dateTime")).toInstant();
    }

    private static String connect(TestUser user) {
        Map<String, String> back = GoogleConsent.consent(user, "");
        return given().queryParam("code", back.get("code")).queryParam("state", back.get("state"))
                .when().get("/api/auth/google/callback")
                .then().statusCode(200).body("status", equalTo("connected")).extract().jsonPath().getString("calendarId");
    }
}

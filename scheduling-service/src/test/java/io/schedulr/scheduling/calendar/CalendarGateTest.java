package io.schedulr.scheduling.calendar;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.schedulr.events.CalendarConnectionEvent;
import io.schedulr.events.CalendarConnectionEventType;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.scheduling.api.Db;
import io.schedulr.scheduling.api.RoomApi;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * Phase 2's calendar gate over HTTP, fed by calendar connection events on the real Kafka topic: every core write is
 * 403 calendar_not_connected with the connect URL until the person's CalendarConnected arrives, and again after a
 * CalendarDisconnected; reads, whoami, deleting, cancelling and leaving a booking never are.
 */
@QuarkusTest
@TestProfile(CalendarGateProfile.class)
class CalendarGateTest {
    private static final AtomicInteger DAYS = new AtomicInteger(40);

    @BeforeAll
    static void topic() {
        CalendarConnectionEvents.ensureTopic();
    }

    @Test
    void everyCoreWriteIsRefusedUntilTheCalendarIsConnectedAndAgainAfterItIsRevoked() {
        TestUser other = connectedPerson("Gate Other Host");
        String othersRoom = RoomApi.createRoom(other, DAYS.incrementAndGet());
        String othersSlot = publishSlot(other).statusCode(201).extract().path("[0].id");
        TestUser person = Tokens.newUser("Gate Person", "UTC");

        assertGated(RoomApi.create(person, Map.of("datetimeUtc", RoomApi.inDays(DAYS.incrementAndGet()).toString())));
        assertGated(RoomApi.book(person, othersRoom));
        assertGated(publishSlot(person));
        assertGated(bookSlot(person, othersSlot));
        assertThat(Db.count("SELECT count(*) FROM practice_rooms WHERE host_id = ? OR guest_id = ?", person.id(), person.id())).isZero();
        assertThat(Db.count("SELECT count(*) FROM slots WHERE host_id = ?", person.id())).isZero();

        CalendarConnectionEvents.connected(person, Instant.now());
        String ownRoom = awaitCreated(person);
        RoomApi.book(person, othersRoom).statusCode(200).body("guestId", equalTo(person.id()));
        String ownSlot = publishSlot(person).statusCode(201).extract().path("[0].id");
        bookSlot(person, othersSlot).statusCode(200);
        TestUser guest = connectedPerson("Gate Guest");
        RoomApi.book(guest, ownRoom).statusCode(200);
        RoomApi.update(person, Map.of("roomId", ownRoom, "datetimeUtc", RoomApi.inDays(DAYS.incrementAndGet()).toString())).statusCode(200);

        CalendarConnectionEvents.disconnected(person, CalendarConnectionEvent.REVOKED, CalendarConnectionEvent.REASON_REVOKED, Instant.now());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> RoomApi.create(person, Map.of("datetimeUtc", RoomApi.inDays(DAYS.incrementAndGet()).toString()))
                        .extract().statusCode() == 403);
        assertGated(RoomApi.create(person, Map.of("datetimeUtc", RoomApi.inDays(DAYS.incrementAndGet()).toString())));
        assertGated(RoomApi.update(person, Map.of("roomId", ownRoom, "datetimeUtc", RoomApi.inDays(DAYS.incrementAndGet()).toString())));
        assertGated(RoomApi.update(person, Map.of("roomId", ownRoom, "stage", "round 2")));
        assertGated(publishSlot(person));
        String anotherSlot = publishSlot(other).statusCode(201).extract().path("[0].id");
        assertGated(bookSlot(person, anotherSlot));
        assertThat(Db.text("SELECT status FROM calendar_connections WHERE user_id = ?", person.id())).isEqualTo("revoked");
        assertThat(Db.text("SELECT reason FROM calendar_connections WHERE user_id = ?", person.id())).isEqualTo("revoked");

        // Nobody is trapped: a revoked person still cancels and deletes what they have, and leaves what they booked.
        RoomApi.release(person, othersRoom).statusCode(200).body("booked", equalTo(false));
        given().header("Authorization", person.bearer()).delete("/api/slots/" + ownSlot).then().statusCode(200);
        RoomApi.delete(person, ownRoom).statusCode(204);
    }

    @Test
    void readsWhoamiAndDeletionsStayOpenForSomeoneNeverConnected() {
        TestUser host = connectedPerson("Gate Open Host");
        String room = RoomApi.createRoom(host, DAYS.incrementAndGet());
        TestUser person = Tokens.newUser("Gate Onlooker", "UTC");

        given().header("Authorization", person.bearer()).get("/api/whoami").then().statusCode(200);
        RoomApi.get(person, "/api/practice-rooms?scope=open").statusCode(200);
        RoomApi.get(person, "/api/practice-rooms?scope=mine").statusCode(200);
        RoomApi.get(person, "/api/practice-rooms/" + room).statusCode(200);
        given().header("Authorization", person.bearer()).get("/api/slots?status=open").then().statusCode(200);
        given().header("Authorization", person.bearer()).get("/api/slots?mine=true").then().statusCode(200);
        // Not a 403: the gate does not stand before deleting; the room's own rules answer.
        RoomApi.delete(person, room).statusCode(403).body("code", equalTo("not_room_host"))
                .body("$", not(hasKey("connectUrl"))).body("size()", equalTo(2));
        RoomApi.delete(person, UUID.randomUUID().toString()).statusCode(404);
        RoomApi.release(person, room).statusCode(422).body("code", equalTo("room_not_booked")).body("$", not(hasKey("connectUrl")));
        given().header("Authorization", person.bearer()).delete("/api/slots/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anOlderChangeDeliveredAfterANewerOneDoesNotWin() {
        TestUser person = Tokens.newUser("Gate Out Of Order", "UTC");
        Instant newer = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CalendarConnectionEvents.connected(person, newer);
        awaitCreated(person);

        RecordMetadata older = CalendarConnectionEvents.disconnected(person, CalendarConnectionEvent.NOT_CONNECTED,
                CalendarConnectionEvent.REASON_USER, newer.minusSeconds(30));
        CalendarConnectionEvents.awaitConsumed(older);

        RoomApi.create(person, Map.of("datetimeUtc", RoomApi.inDays(DAYS.incrementAndGet()).toString())).statusCode(201);
        assertThat(Db.text("SELECT status FROM calendar_connections WHERE user_id = ?", person.id())).isEqualTo("connected");
        assertThat(Db.count("SELECT count(*) FROM calendar_connections WHERE user_id = ? AND changed_at = ?", person.id(),
                Timestamp.from(newer))).as("the newer change's time is kept").isEqualTo(1);
    }

    @Test
    void malformedRecordsAreSkippedAndTheNextValidOneStillApplies() {
        TestUser person = Tokens.newUser("Gate After Poison", "UTC");
        CloudEvent<CalendarConnectionEvent> noTime = new CloudEvent<>(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                "/calendar-sync-service", CalendarConnectionEventType.CALENDAR_CONNECTED.cloudEventType(), null, person.id(), CloudEvent.JSON,
                new CalendarConnectionEvent(person.id(), person.email(), CalendarConnectionEvent.CONNECTED, null, "cal"));
        CloudEvent<CalendarConnectionEvent> nulInId = CalendarConnectionEvents.event(CalendarConnectionEventType.CALENDAR_CONNECTED,
                new TestUser("nul\u0000" + person.id(), person.email(), person.name(), "UTC", null), CalendarConnectionEvent.CONNECTED, null,
                "cal", Instant.now());
        // Same key as the valid event, so they sit before it in the same partition.
        CalendarConnectionEvents.publishRaw(person.id(), "{not json");
        CalendarConnectionEvents.publishRaw(person.id(), null);
        CalendarConnectionEvents.publishRaw(person.id(), "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"io.schedulr.calendar.connected.v1\","
                + "\"time\":\"2030-01-01T00:00:00Z\",\"data\":{\"userId\":\"" + person.id() + "\",\"status\":\"maybe\"}}");
        CalendarConnectionEvents.publishRaw(person.id(), EventCodec.encode(noTime));
        CalendarConnectionEvents.publishRaw(person.id(), EventCodec.encode(nulInId));

        CalendarConnectionEvents.connected(person, Instant.now());

        awaitCreated(person);
        assertThat(Db.count("SELECT count(*) FROM calendar_connections WHERE user_id LIKE ?", "nul%")).isZero();
    }

    /** A new person whose CalendarConnected has been applied. */
    private static TestUser connectedPerson(String name) {
        TestUser user = Tokens.newUser(name, "UTC");
        CalendarConnectionEvents.connected(user, Instant.now());
        awaitCreated(user);
        return user;
    }

    /** Creates a room as soon as the person's connection has arrived; its id. */
    private static String awaitCreated(TestUser user) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            ValidatableResponse r = RoomApi.create(user, Map.of("datetimeUtc", RoomApi.inDays(DAYS.incrementAndGet()).toString()));
            int status = r.extract().statusCode();
            assertThat(status).as(r.extract().asString()).isIn(201, 403);
            id[0] = status == 201 ? r.extract().path("id") : null;
            return status == 201;
        });
        return id[0];
    }

    private static void assertGated(ValidatableResponse response) {
        response.statusCode(403).contentType(ContentType.JSON)
                .body("code", equalTo("calendar_not_connected"))
                .body("message", containsString("connect your Google Calendar first"))
                .body("connectUrl", equalTo(CalendarGateProfile.CONNECT_URL));
    }

    private static ValidatableResponse publishSlot(TestUser host) {
        Instant start = Instant.now().plus(DAYS.incrementAndGet() + 300, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return given().header("Authorization", host.bearer()).contentType(ContentType.JSON)
                .body("{\"startTs\":\"" + start + "\",\"endTs\":\"" + start.plus(1, ChronoUnit.HOURS) + "\"}")
                .post("/api/slots").then();
    }

    private static ValidatableResponse bookSlot(TestUser guest, String slotId) {
        return given().header("Authorization", guest.bearer()).post("/api/slots/" + slotId + "/book").then();
    }
}

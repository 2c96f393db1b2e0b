package io.schedulr.scheduling.conflicts;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.scheduling.api.AllAtOnce;
import io.schedulr.scheduling.api.Db;
import io.schedulr.scheduling.api.RoomApi;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.assertj.core.api.Assertions.assertThat;

/** A booking that clashes with another booking in this app of someone taking part: 409 calendar_conflict with the times. */
@QuarkusTest
class AppBookingConflictTest {

    private static String roomAt(TestUser host, Instant start) {
        return RoomApi.create(host, Map.of("datetimeUtc", start.toString())).statusCode(201).extract().path("id");
    }

    @Test
    void aGuestCannotBookTwoSessionsAtOnceUnlessTheyAllowTheirOwnClash() {
        Instant start = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        TestUser ana = Tokens.newUser("Ana Clash", "UTC");
        TestUser first = Tokens.newUser("First Host", "UTC");
        TestUser second = Tokens.newUser("Second Host", "UTC");
        String booked = roomAt(first, start);
        String overlapping = roomAt(second, start.plus(30, ChronoUnit.MINUTES));
        RoomApi.book(ana, booked).statusCode(200);
        long outbox = Db.count("SELECT count(*) FROM outbox");

        RoomApi.book(ana, overlapping).statusCode(409).contentType(ContentType.JSON)
                .body("code", equalTo("calendar_conflict"))
                .body("conflicts", hasSize(1))
                .body("conflicts[0].start", equalTo(start.toString()))
                .body("conflicts[0].end", equalTo(start.plus(60, ChronoUnit.MINUTES).toString()))
                .body("conflicts[0]", not(hasKey("title")))
                .body("ownCalendarOnly", equalTo(true));
        assertThat(Db.count("SELECT count(*) FROM practice_rooms WHERE id = '" + overlapping + "' AND guest_id IS NULL")).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM outbox")).isEqualTo(outbox);

        RoomApi.update(ana, "{\"roomId\":\"" + overlapping + "\",\"guestId\":null,\"allowConflicts\":true}").statusCode(200)
                .body("booked", equalTo(true)).body("$", not(hasKey("warnings")));
    }

    @Test
    void theHostsOtherBookingStillCountsWhenTheGuestAllowsTheirOwnClash() {
        Instant start = Instant.now().plus(41, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        TestUser host = Tokens.newUser("Busy Host", "UTC");
        TestUser elsewhere = Tokens.newUser("Elsewhere Host", "UTC");
        TestUser ben = Tokens.newUser("Ben Guest", "UTC");
        String hostsBooking = roomAt(elsewhere, start);
        RoomApi.book(host, hostsBooking).statusCode(200);
        String room = roomAt(host, start.plus(15, ChronoUnit.MINUTES));

        RoomApi.update(ben, "{\"roomId\":\"" + room + "\",\"guestId\":null,\"allowConflicts\":true}").statusCode(409)
                .body("code", equalTo("calendar_conflict")).body("conflicts[0].start", equalTo(start.toString()))
                .body("ownCalendarOnly", equalTo(false)).body("message", containsString("someone else taking part"));
    }

    @Test
    void movingABookedSessionOntoAnotherOfTheHostsSessionsIsRefusedButMovingItNextToItselfIsNot() {
        Instant start = Instant.now().plus(42, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        TestUser host = Tokens.newUser("Moving Host", "UTC");
        TestUser guest = Tokens.newUser("Moving Guest", "UTC");
        TestUser other = Tokens.newUser("Other Guest", "UTC");
        String morning = roomAt(host, start);
        String noon = roomAt(host, start.plus(3, ChronoUnit.HOURS));
        RoomApi.book(guest, morning).statusCode(200);
        RoomApi.book(other, noon).statusCode(200);

        RoomApi.update(host, "{\"roomId\":\"" + morning + "\",\"datetimeUtc\":\"" + start.plus(150, ChronoUnit.MINUTES) + "\"}")
                .statusCode(409).body("code", equalTo("calendar_conflict"))
                .body("conflicts[0].start", equalTo(start.plus(3, ChronoUnit.HOURS).toString()));
        RoomApi.update(host, "{\"roomId\":\"" + morning + "\",\"datetimeUtc\":\"" + start.plus(30, ChronoUnit.MINUTES) + "\"}")
                .statusCode(200);
    }

    @Test
    void aSlotThatClashesWithTheGuestsBookingIsRefusedUnlessAllowed() {
        Instant start = Instant.now().plus(43, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        TestUser host = Tokens.newUser("Slot Host", "UTC");
        TestUser other = Tokens.newUser("Room Host", "UTC");
        TestUser guest = Tokens.newUser("Slot Guest", "UTC");
        RoomApi.book(guest, roomAt(other, start)).statusCode(200);
        String slot = given().header("Authorization", host.bearer()).contentType(ContentType.JSON)
                .body("{\"startTs\":\"" + start.plus(30, ChronoUnit.MINUTES) + "\",\"endTs\":\"" + start.plus(90, ChronoUnit.MINUTES) + "\"}")
                .post("/api/slots").then().statusCode(201).extract().path("[0].id");

        given().header("Authorization", guest.bearer()).post("/api/slots/" + slot + "/book").then().statusCode(409)
                .body("code", equalTo("calendar_conflict")).body("conflicts", hasSize(1)).body("ownCalendarOnly", equalTo(true));
        assertThat(Db.count("SELECT count(*) FROM slots WHERE id = '" + slot + "' AND status = 'open'")).isEqualTo(1);
        given().header("Authorization", guest.bearer()).post("/api/slots/" + slot + "/book?allowConflicts=true").then().statusCode(200)
                .body("booked", equalTo(true));
    }

    @Test
    void listingsCanLeaveOutWhatClashesWithTheCallersCalendar() {
        Instant start = Instant.now().plus(44, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        TestUser host = Tokens.newUser("Listing Host", "UTC");
        TestUser other = Tokens.newUser("Listing Other", "UTC");
        TestUser cleo = Tokens.newUser("Cleo Lists", "UTC");
        RoomApi.book(cleo, roomAt(other, start)).statusCode(200);
        String clashing = roomAt(host, start.plus(30, ChronoUnit.MINUTES));
        String fitting = roomAt(host, start.plus(60, ChronoUnit.MINUTES));
        String clashingSlot = slotAt(host, start.minus(30, ChronoUnit.MINUTES));
        String fittingSlot = slotAt(host, start.plus(2, ChronoUnit.HOURS));

        java.util.List<String> all = given().header("Authorization", cleo.bearer()).get("/api/practice-rooms?limit=100")
                .then().statusCode(200).extract().path("id");
        java.util.List<String> fits = given().header("Authorization", cleo.bearer()).get("/api/practice-rooms?limit=100&fitsMyCalendar=true")
                .then().statusCode(200).extract().path("id");
        assertThat(all).contains(clashing, fitting);
        assertThat(fits).contains(fitting).doesNotContain(clashing);

        String window = "&from=" + start.minus(1, ChronoUnit.HOURS) + "&to=" + start.plus(3, ChronoUnit.HOURS);
        java.util.List<String> slots = given().header("Authorization", cleo.bearer())
                .get("/api/slots?status=open&limit=100&fitsMyCalendar=true" + window).then().statusCode(200).extract().path("id");
        assertThat(slots).contains(fittingSlot).doesNotContain(clashingSlot);
    }

    private static String slotAt(TestUser host, Instant start) {
        return given().header("Authorization", host.bearer()).contentType(ContentType.JSON)
                .body("{\"startTs\":\"" + start + "\",\"endTs\":\"" + start.plus(60, ChronoUnit.MINUTES) + "\"}")
                .post("/api/slots").then().statusCode(201).extract().path("[0].id");
    }

    @Test
    void aHostCannotPostASlotOverTheirOwnBookedSessionUnlessTheyAllowIt() {
        Instant start = Instant.now().plus(45, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        TestUser host = Tokens.newUser("Posting Host", "UTC");
        TestUser other = Tokens.newUser("Posting Other", "UTC");
        RoomApi.book(host, roomAt(other, start)).statusCode(200);
        String body = "[{\"startTs\":\"" + start.plus(3, ChronoUnit.HOURS) + "\",\"endTs\":\"" + start.plus(4, ChronoUnit.HOURS) + "\"},"
                + "{\"startTs\":\"" + start.plus(30, ChronoUnit.MINUTES) + "\",\"endTs\":\"" + start.plus(90, ChronoUnit.MINUTES) + "\"}]";

        given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(body).post("/api/slots").then().statusCode(409)
                .body("code", equalTo("calendar_conflict")).body("conflicts[0].start", equalTo(start.toString()));
        assertThat(Db.count("SELECT count(*) FROM slots WHERE host_id = '" + host.id() + "'")).isZero();
        given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(body).post("/api/slots?allowConflicts=true")
                .then().statusCode(201).body("$", hasSize(2));
    }

    @Test
    void oneGuestBookingEightOverlappingSessionsAtOnceGetsExactlyOneOfThem() throws Exception {
        Instant start = Instant.now().plus(47, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        TestUser eager = Tokens.newUser("Eager Guest", "UTC");
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rooms.add(roomAt(Tokens.newUser("Parallel Host " + i, "UTC"), start.plus(i, ChronoUnit.MINUTES)));
        }
        // Known here before the race (a first request stores the person; concurrent first inserts of one person would
        // wait for each other on the key and hide the race).
        roomAt(eager, start.plus(30, ChronoUnit.DAYS));

        List<Integer> statuses = AllAtOnce.statuses(rooms.stream().<java.util.function.Supplier<Integer>>map(room ->
                () -> RoomApi.book(eager, room).extract().statusCode()).toList());

        assertThat(statuses).as("one booking, seven clashes with it").containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
        assertThat(Db.count("SELECT count(*) FROM practice_rooms WHERE guest_id = '" + eager.id() + "'")).isEqualTo(1);
    }
}

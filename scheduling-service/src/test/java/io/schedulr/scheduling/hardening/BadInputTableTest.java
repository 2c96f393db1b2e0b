package io.schedulr.scheduling.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.schedulr.scheduling.api.Db;
import io.schedulr.scheduling.api.RoomApi;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write and read of scheduling-service against malformed, mistyped, oversized, hostile and out-of-range input:
 * the exact 4xx and {@code {"code","message"}}, nothing written (rooms, slots, outbox, audit), never a 500 or a stack
 * trace, and the service still ready afterwards. Later endpoints add their rows here.
 */
@QuarkusTest
class BadInputTableTest {
    private static final String FUTURE = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
    private static final String LATER = Instant.now().plus(3, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS).toString();
    private static final String UNKNOWN = UUID.randomUUID().toString();
    private static final String LONG = "x".repeat(5_000);

    /** The host whose room and slot the cases aim at, made on first use (the application is up by then). */
    private static final class Fixture {
        static final TestUser HOST = Tokens.newUser("Table Host", "UTC");
        static final TestUser OTHER = Tokens.newUser("Table Other", "UTC");
        static final String ROOM = RoomApi.createRoom(HOST, 6);
        static final String SLOT = given().header("Authorization", HOST.bearer()).contentType("application/json")
                .body("{\"startTs\":\"" + Instant.now().plus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS) + "\",\"endTs\":\""
                        + Instant.now().plus(9, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS) + "\"}")
                .post("/api/slots").then().statusCode(201).extract().path("[0].id");
    }

    record Case(String name, String method, String path, String body, String contentType, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case post(String name, String path, String body, int status, String code) {
        return new Case(name, "POST", path, body, "application/json", status, code);
    }

    private static Case get(String name, String path, int status, String code) {
        return new Case(name, "GET", path, null, null, status, code);
    }

    private static Case delete(String name, String path, int status, String code) {
        return new Case(name, "DELETE", path, null, null, status, code);
    }

    static List<Case> cases() {
        String create = "/api/practice-room/create";
        String update = "/api/practice-room/update";
        List<Case> c = new ArrayList<>();
        // create: shape and types
        c.add(post("create: not JSON", create, "{not json", 400, "malformed_json"));
        c.add(post("create: truncated JSON", create, "{\"datetimeUtc\":", 400, "malformed_json"));
        c.add(post("create: a list", create, "[]", 400, "invalid_body"));
        c.add(post("create: a string", create, "\"hello\"", 400, "invalid_body"));
        c.add(post("create: a number", create, "42", 400, "invalid_body"));
        c.add(post("create: null", create, "null", 400, "invalid_body"));
        c.add(post("create: empty object", create, "{}", 400, "invalid_datetime"));
        c.add(post("create: date as number", create, "{\"datetimeUtc\":12}", 400, "invalid_field"));
        c.add(post("create: date as object", create, "{\"datetimeUtc\":{}}", 400, "invalid_field"));
        c.add(post("create: date as list", create, "{\"datetimeUtc\":[\"" + FUTURE + "\"]}", 400, "invalid_field"));
        c.add(post("create: private as number", create, "{\"datetimeUtc\":\"" + FUTURE + "\",\"private\":1}", 400, "invalid_field"));
        c.add(post("create: private as string", create, "{\"datetimeUtc\":\"" + FUTURE + "\",\"private\":\"true\"}", 400, "invalid_field"));
        c.add(post("create: unknown field", create, "{\"datetimeUtc\":\"" + FUTURE + "\",\"role\":\"admin\"}", 400, "unknown_field"));
        c.add(post("create: hostId of someone else", create, "{\"datetimeUtc\":\"" + FUTURE + "\",\"hostId\":\"someone\"}", 403,
                "host_must_be_caller"));
        c.add(post("create: hostId too long", create, "{\"datetimeUtc\":\"" + FUTURE + "\",\"hostId\":\"" + LONG + "\"}", 400,
                "invalid_hostId"));
        // create: times
        c.add(post("create: no offset", create, "{\"datetimeUtc\":\"2031-01-01T10:00:00\"}", 400, "invalid_datetime"));
        c.add(post("create: words", create, "{\"datetimeUtc\":\"tomorrow at ten\"}", 400, "invalid_datetime"));
        c.add(post("create: date only", create, "{\"datetimeUtc\":\"2031-01-01\"}", 400, "invalid_datetime"));
        c.add(post("create: empty string", create, "{\"datetimeUtc\":\"\"}", 400, "invalid_datetime"));
        c.add(post("create: blank", create, "{\"datetimeUtc\":\"   \"}", 400, "invalid_datetime"));
        c.add(post("create: month 13", create, "{\"datetimeUtc\":\"2031-13-01T10:00:00Z\"}", 400, "invalid_datetime"));
        c.add(post("create: 31 February", create, "{\"datetimeUtc\":\"2031-02-31T10:00:00Z\"}", 400, "invalid_datetime"));
        c.add(post("create: trailing NUL", create, "{\"datetimeUtc\":\"" + FUTURE + "\\u0000\"}", 400, "invalid_datetime"));
        c.add(post("create: embedded newline", create, "{\"datetimeUtc\":\"2031-01-01\\nT10:00:00Z\"}", 400, "invalid_datetime"));
        c.add(post("create: past", create, "{\"datetimeUtc\":\"2001-01-01T00:00:00Z\"}", 400, "datetime_in_past"));
        c.add(post("create: before 1970", create, "{\"datetimeUtc\":\"1900-01-01T00:00:00Z\"}", 400, "datetime_out_of_range"));
        c.add(post("create: year +10000", create, "{\"datetimeUtc\":\"+10000-01-01T00:00:00Z\"}", 400, "datetime_out_of_range"));
        c.add(post("create: year 294277", create, "{\"datetimeUtc\":\"+294277-01-01T00:00:00Z\"}", 400, "datetime_out_of_range"));
        c.add(post("create: year +999999999", create, "{\"datetimeUtc\":\"+999999999-12-31T23:59:59Z\"}", 400, "datetime_out_of_range"));
        c.add(post("create: six years ahead", create, "{\"datetimeUtc\":\"" + Instant.now().plus(2200, ChronoUnit.DAYS) + "\"}", 400,
                "datetime_out_of_range"));
        c.add(post("create: 5 kB date", create, "{\"datetimeUtc\":\"" + LONG + "\"}", 400, "invalid_datetimeUtc"));
        // update: shape and types
        c.add(post("update: not JSON", update, "{oops", 400, "malformed_json"));
        c.add(post("update: a list", update, "[1,2]", 400, "invalid_body"));
        c.add(post("update: null", update, "null", 400, "invalid_body"));
        c.add(post("update: empty object", update, "{}", 400, "invalid_room_id"));
        c.add(post("update: roomId as number", update, "{\"roomId\":5,\"stage\":\"x\"}", 400, "invalid_field"));
        c.add(post("update: roomId not a UUID", update, "{\"roomId\":\"42\",\"stage\":\"x\"}", 400, "invalid_room_id"));
        c.add(post("update: roomId with SQL", update, "{\"roomId\":\"' OR 1=1 --\",\"stage\":\"x\"}", 400, "invalid_room_id"));
        c.add(post("update: roomId UUID without dashes", update, "{\"roomId\":\"" + UNKNOWN.replace("-", "") + "\",\"stage\":\"x\"}", 400,
                "invalid_room_id"));
        c.add(post("update: roomId too long", update, "{\"roomId\":\"" + LONG + "\",\"stage\":\"x\"}", 400, "invalid_roomId"));
        c.add(post("update: unknown room", update, "{\"roomId\":\"" + UNKNOWN + "\",\"stage\":\"x\"}", 404, "room_not_found"));
        c.add(post("update: nothing to change", update, "{\"roomId\":\"%ROOM%\"}", 400, "nothing_to_update"));
        c.add(post("update: unknown field", update, "{\"roomId\":\"%ROOM%\",\"hostId\":\"me\"}", 400, "unknown_field"));
        c.add(post("update: private as number", update, "{\"roomId\":\"%ROOM%\",\"private\":0}", 400, "invalid_field"));
        c.add(post("update: stage as object", update, "{\"roomId\":\"%ROOM%\",\"stage\":{}}", 400, "invalid_field"));
        c.add(post("update: stage too long", update, "{\"roomId\":\"%ROOM%\",\"stage\":\"" + "s".repeat(201) + "\"}", 400, "invalid_stage"));
        c.add(post("update: stage with NUL", update, "{\"roomId\":\"%ROOM%\",\"stage\":\"a\\u0000b\"}", 400, "invalid_stage"));
        c.add(post("update: stage with CRLF", update, "{\"roomId\":\"%ROOM%\",\"stage\":\"a\\r\\nb\"}", 400, "invalid_stage"));
        c.add(post("update: bad date", update, "{\"roomId\":\"%ROOM%\",\"datetimeUtc\":\"soon\"}", 400, "invalid_datetime"));
        c.add(post("update: past date", update, "{\"roomId\":\"%ROOM%\",\"datetimeUtc\":\"2001-01-01T00:00:00Z\"}", 400, "datetime_in_past"));
        c.add(post("update: far date", update, "{\"roomId\":\"%ROOM%\",\"datetimeUtc\":\"+999999999-12-31T23:59:59Z\"}", 400,
                "datetime_out_of_range"));
        c.add(post("update: booking with a time", update, "{\"roomId\":\"%ROOM%\",\"guestId\":null,\"datetimeUtc\":\"" + FUTURE + "\"}", 400,
                "booking_changes_only_stage"));
        c.add(post("update: guestId as number", update, "{\"roomId\":\"%ROOM%\",\"guestId\":7}", 400, "invalid_field"));
        c.add(post("update: guestId too long", update, "{\"roomId\":\"%ROOM%\",\"guestId\":\"" + LONG + "\"}", 400, "invalid_guestId"));
        // update: who may
        c.add(post("update: host books own room", update, "{\"roomId\":\"%ROOM%\",\"guestId\":null}", 422, "host_cannot_book_own_room"));
        c.add(post("update: book for someone else", update, "{\"roomId\":\"%ROOM%\",\"guestId\":\"someone-else\"}", 403,
                "cannot_book_for_someone_else"));
        c.add(new Case("update: stranger reschedules", "POST-OTHER", update, "{\"roomId\":\"%ROOM%\",\"datetimeUtc\":\"" + LATER + "\"}",
                "application/json", 403, "not_room_host"));
        c.add(new Case("update: stranger makes private", "POST-OTHER", update, "{\"roomId\":\"%ROOM%\",\"private\":true}",
                "application/json", 403, "not_room_host"));
        c.add(new Case("update: stranger sets stage", "POST-OTHER", update, "{\"roomId\":\"%ROOM%\",\"stage\":\"hijack\"}",
                "application/json", 403, "not_room_participant"));
        // delete
        c.add(delete("delete: not a UUID", "/api/practice-room/not-a-uuid", 400, "invalid_room_id"));
        c.add(delete("delete: unknown room", "/api/practice-room/" + UNKNOWN, 404, "room_not_found"));
        c.add(new Case("delete: stranger", "DELETE-OTHER", "/api/practice-room/%ROOM%", null, null, 403, "not_room_host"));
        // leave a booking
        c.add(delete("release: not a UUID", "/api/practice-room/not-a-uuid/booking", 400, "invalid_room_id"));
        c.add(delete("release: roomId with SQL", "/api/practice-room/' OR 1=1 --/booking", 400, "invalid_room_id"));
        c.add(delete("release: unknown room", "/api/practice-room/" + UNKNOWN + "/booking", 404, "room_not_found"));
        c.add(delete("release: host of an open room", "/api/practice-room/%ROOM%/booking", 422, "room_not_booked"));
        c.add(new Case("release: stranger on an open room", "DELETE-OTHER", "/api/practice-room/%ROOM%/booking", null, null, 422,
                "room_not_booked"));
        // reads
        c.add(get("get: not a UUID", "/api/practice-rooms/nope", 400, "invalid_room_id"));
        c.add(get("get: unknown room", "/api/practice-rooms/" + UNKNOWN, 404, "room_not_found"));
        c.add(get("list: bad scope", "/api/practice-rooms?scope=everything", 400, "invalid_scope"));
        c.add(get("list: long scope", "/api/practice-rooms?scope=" + "y".repeat(2_000), 400, "invalid_scope"));
        c.add(get("list: limit 0", "/api/practice-rooms?limit=0", 400, "invalid_limit"));
        c.add(get("list: limit negative", "/api/practice-rooms?limit=-5", 400, "invalid_limit"));
        c.add(get("list: limit huge", "/api/practice-rooms?limit=99999999999", 400, "invalid_limit"));
        c.add(get("list: limit words", "/api/practice-rooms?limit=abc", 400, "invalid_limit"));
        // slots
        String slots = "/api/slots";
        c.add(post("slots: not JSON", slots, "{oops", 400, "malformed_json"));
        c.add(post("slots: empty list", slots, "[]", 400, "no_slots"));
        c.add(post("slots: a number", slots, "5", 400, "invalid_field"));
        c.add(post("slots: list of numbers", slots, "[1]", 400, "invalid_field"));
        c.add(post("slots: start as number", slots, "[{\"startTs\":5}]", 400, "invalid_field"));
        c.add(post("slots: missing end", slots, "{\"startTs\":\"" + FUTURE + "\"}", 400, "invalid_datetime"));
        c.add(post("slots: unknown field", slots, "{\"startTs\":\"" + FUTURE + "\",\"endTs\":\"" + LATER + "\",\"hostId\":\"x\"}", 400,
                "unknown_field"));
        c.add(post("slots: end before start", slots, "{\"startTs\":\"" + LATER + "\",\"endTs\":\"" + FUTURE + "\"}", 400, "end_before_start"));
        c.add(post("slots: too short", slots, "{\"startTs\":\"" + FUTURE + "\",\"endTs\":\""
                + Instant.parse(FUTURE).plus(5, ChronoUnit.MINUTES) + "\"}", 400, "invalid_slot_length"));
        c.add(post("slots: in the past", slots, "{\"startTs\":\"2001-01-01T10:00:00Z\",\"endTs\":\"2001-01-01T11:00:00Z\"}", 400,
                "datetime_in_past"));
        c.add(post("slots: far end", slots, "{\"startTs\":\"" + FUTURE + "\",\"endTs\":\"+999999999-12-31T23:59:59Z\"}", 400,
                "datetime_out_of_range"));
        c.add(post("slots: 101 of them", slots, "[" + String.join(",", java.util.Collections.nCopies(101,
                "{\"startTs\":\"" + FUTURE + "\",\"endTs\":\"" + LATER + "\"}")) + "]", 400, "too_many_slots"));
        c.add(post("slots: book not a UUID", "/api/slots/nope/book", null, 400, "invalid_slot_id"));
        c.add(post("slots: book unknown", "/api/slots/" + UNKNOWN + "/book", null, 404, "slot_not_found"));
        c.add(new Case("slots: host books own", "POST", "/api/slots/%SLOT%/book", null, null, 422, "cannot_book_own_slot"));
        c.add(new Case("slots: stranger cancels", "DELETE-OTHER", "/api/slots/%SLOT%", null, null, 403, "not_slot_host"));
        c.add(delete("slots: cancel unknown", "/api/slots/" + UNKNOWN, 404, "slot_not_found"));
        c.add(get("slots: status for others", "/api/slots?status=booked", 400, "invalid_status"));
        c.add(get("slots: unknown status", "/api/slots?mine=true&status=gone", 400, "invalid_status"));
        c.add(get("slots: bad from", "/api/slots?from=yesterday", 400, "invalid_datetime"));
        c.add(get("slots: reversed range", "/api/slots?mine=true&from=" + LATER + "&to=" + FUTURE, 400, "invalid_range"));
        c.add(get("slots: negative offset", "/api/slots?offset=-1", 400, "invalid_offset"));
        c.add(post("create: offer on a public room", create, "{\"datetimeUtc\":\"" + FUTURE + "\",\"offerTo\":\"someone\"}", 400,
                "offer_needs_private_room"));
        c.add(post("create: offer blank", create, "{\"datetimeUtc\":\"" + FUTURE + "\",\"private\":true,\"offerTo\":\" \"}", 400,
                "invalid_offer_to"));
        c.add(post("create: offer with NUL", create, "{\"datetimeUtc\":\"" + FUTURE + "\",\"private\":true,\"offerTo\":\"a\\u0000b\"}",
                400, "invalid_offer_to"));
        c.add(post("create: offer too long", create, "{\"datetimeUtc\":\"" + FUTURE + "\",\"private\":true,\"offerTo\":\"" + LONG + "\"}",
                400, "invalid_offer_to"));
        c.add(post("create: offer as number", create, "{\"datetimeUtc\":\"" + FUTURE + "\",\"private\":true,\"offerTo\":5}", 400,
                "invalid_field"));
        c.add(post("update: offer a public room", update, "{\"roomId\":\"%ROOM%\",\"offerTo\":\"someone\"}", 400,
                "offer_needs_private_room"));
        c.add(post("update: booking with an offer", update, "{\"roomId\":\"%ROOM%\",\"guestId\":null,\"offerTo\":\"x\"}", 400,
                "booking_changes_only_stage"));
        c.add(new Case("create: text body", "POST", create, "hello", "text/plain", 415, "unsupported_media_type"));
        c.add(new Case("update: text body", "POST", update, "hello", "text/plain", 415, "unsupported_media_type"));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsCodeAndNothingIsWritten(Case c) {
        TestUser caller = c.method().endsWith("-OTHER") ? Fixture.OTHER : Fixture.HOST;
        String path = c.path().replace("%ROOM%", Fixture.ROOM).replace("%SLOT%", Fixture.SLOT);
        String body = c.body() == null ? null : c.body().replace("%ROOM%", Fixture.ROOM);
        long[] before = counts();

        RequestSpecification request = given().header("Authorization", caller.bearer());
        if (body != null) {
            request = request.contentType(c.contentType()).body(body);
        }
        Response response = switch (c.method().replace("-OTHER", "")) {
            case "POST" -> request.post(path);
            case "DELETE" -> request.delete(path);
            default -> request.get(path);
        };

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(c.status());
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("code")).as(response.asString()).isEqualTo(c.code());
        assertThat(response.jsonPath().getString("message")).isNotBlank().hasSizeLessThan(400).doesNotContain("Exception", "\tat ");
        assertThat(counts()).as("rooms, slots, outbox, audit rows").containsExactly(before);
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static long[] counts() {
        return new long[]{Db.count("SELECT count(*) FROM practice_rooms"), Db.count("SELECT count(*) FROM slots"),
                Db.count("SELECT count(*) FROM outbox"), Db.count("SELECT count(*) FROM audit_log")};
    }
}

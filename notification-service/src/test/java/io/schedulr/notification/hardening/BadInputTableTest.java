package io.schedulr.notification.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.schedulr.events.RoomEventType;
import io.schedulr.kit.security.ServiceKeys;
import io.schedulr.notification.support.Db;
import io.schedulr.notification.support.RoomEvents;
import io.schedulr.testsupport.Mailboxes;
import io.schedulr.testsupport.OpenApiErrors.Seen;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of notification-service against malformed, mistyped, oversized and hostile input: the exact 4xx and
 * {@code {"code","message"}}, a message that quotes at most a short excerpt of the input, nothing written (deliveries,
 * audit, notices, consumed events), never a 500, and the service still ready afterwards. Later endpoints add rows here.
 */
@QuarkusTest
public class BadInputTableTest {
    private static final String SECRET = "test-only-hook-secret";
    private static final String HOOK = "/api/hooks/email-status";
    /** The service-to-service route: its key (the test profile's, made up) goes in {@value ServiceKeys#HEADER}. */
    private static final String KEY = "test-service-key-1";
    private static final String UNKNOWN = UUID.randomUUID().toString();
    private static final String LONG = "x".repeat(5_000);

    /** A booked room whose host reads its deliveries, made on first use (the application is up by then). */
    private static final class Fixture {
        static final TestUser HOST = Tokens.newUser("Table Host", "UTC");
        static final TestUser GUEST = Tokens.newUser("Table Guest", "UTC");
        static final String ROOM = RoomEvents.newRoomId();

        static {
            RoomEvents.ensureTopics();
            RoomEvents.publish(RoomEvents.event(RoomEventType.ROOM_BOOKED, ROOM, 0, Instant.parse("2030-05-06T07:00:00Z"), HOST, GUEST));
            Mailboxes.awaitInbox(GUEST.email(), 1, Duration.ofSeconds(45));
            Mailboxes.awaitInbox(HOST.email(), 1, Duration.ofSeconds(45));
        }
    }

    /**
     * {@code secret}: the X-Hook-Secret header for the hook, the X-Schedulr-Service-Key header for the internal route (null:
     * none); deliveries are read with the host's token.
     */
    record Case(String name, String method, String path, String body, String secret, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case read(String name, String path, int status, String code) {
        return new Case(name, "GET", path, null, null, status, code);
    }

    private static Case hook(String name, String body, int status, String code) {
        return new Case(name, "POST", HOOK, body, SECRET, status, code);
    }

    private static Case hookWithSecret(String name, String secret, String body) {
        return new Case(name, "POST", HOOK, body, secret, 401, "unauthorized");
    }

    private static Case internal(String name, String path, String key, int status, String code) {
        return new Case(name, "GET", path, null, key, status, code);
    }

    static List<Case> cases() {
        String deliveries = "/api/rooms/%ROOM%/deliveries";
        List<Case> c = new ArrayList<>();
        // deliveries: ids
        c.add(read("deliveries: not a UUID", "/api/rooms/nope/deliveries", 400, "invalid_room_id"));
        c.add(read("deliveries: number", "/api/rooms/42/deliveries", 400, "invalid_room_id"));
        c.add(read("deliveries: SQL", "/api/rooms/' OR 1=1 --/deliveries", 400, "invalid_room_id"));
        c.add(read("deliveries: UUID without dashes", "/api/rooms/" + UNKNOWN.replace("-", "") + "/deliveries", 400, "invalid_room_id"));
        c.add(read("deliveries: UUID with a suffix", "/api/rooms/" + UNKNOWN + "x/deliveries", 400, "invalid_room_id"));
        c.add(read("deliveries: encoded NUL", "/api/rooms/" + UNKNOWN + "%00/deliveries", 400, "invalid_room_id"));
        c.add(read("deliveries: encoded CRLF", "/api/rooms/a%0D%0Ab/deliveries", 400, "invalid_room_id"));
        c.add(read("deliveries: 2 kB id", "/api/rooms/" + "y".repeat(2_000) + "/deliveries", 400, "invalid_room_id"));
        c.add(read("deliveries: unknown room", "/api/rooms/" + UNKNOWN + "/deliveries", 404, "room_not_found"));
        // deliveries: path and query junk
        c.add(read("deliveries: trailing segment", "/api/rooms/%ROOM%/deliveries/1", 404, "not_found"));
        c.add(read("deliveries: misspelt", "/api/rooms/%ROOM%/delivery", 404, "not_found"));
        c.add(read("deliveries: no id", "/api/rooms//deliveries", 404, "not_found"));
        c.add(read("deliveries: dot segments", "/api/rooms/%ROOM%/../../q/health/deliveries", 404, "not_found"));
        c.add(read("deliveries: query limit", deliveries + "?limit=5", 400, "unknown_parameter"));
        c.add(read("deliveries: query roomId", deliveries + "?roomId=" + UNKNOWN, 400, "unknown_parameter"));
        c.add(read("deliveries: query long name", deliveries + "?" + "q".repeat(2_000) + "=1", 400, "unknown_parameter"));
        c.add(new Case("deliveries: POST", "POST", deliveries, "{}", null, 405, "method_not_allowed"));
        c.add(new Case("deliveries: DELETE", "DELETE", deliveries, null, null, 405, "method_not_allowed"));
        // hook: shape
        c.add(hook("hook: not JSON", "not json", 400, "malformed_json"));
        c.add(hook("hook: truncated JSON", "{\"messageId\":", 400, "malformed_json"));
        c.add(hook("hook: empty body", "", 400, "malformed_json"));
        c.add(hook("hook: a list", "[]", 400, "invalid_body"));
        c.add(hook("hook: a string", "\"bounced\"", 400, "invalid_body"));
        c.add(hook("hook: a number", "42", 400, "invalid_body"));
        c.add(hook("hook: null", "null", 400, "invalid_body"));
        c.add(hook("hook: empty object", "{}", 400, "missing_field"));
        c.add(hook("hook: no status", "{\"messageId\":\"<k@schedulr.local>\"}", 400, "missing_field"));
        c.add(hook("hook: no messageId", "{\"status\":\"bounced\"}", 400, "missing_field"));
        c.add(hook("hook: empty messageId", "{\"messageId\":\"<>\",\"status\":\"bounced\"}", 400, "missing_field"));
        c.add(hook("hook: unknown field", "{\"messageId\":\"<k@schedulr.local>\",\"status\":\"bounced\",\"attemptId\":1}", 400,
                "unknown_field"));
        c.add(hook("hook: long unknown field", "{\"messageId\":\"<k@schedulr.local>\",\"status\":\"bounced\",\"" + LONG + "\":1}", 400,
                "unknown_field"));
        // hook: types
        c.add(hook("hook: messageId number", "{\"messageId\":5,\"status\":\"bounced\"}", 400, "invalid_field"));
        c.add(hook("hook: messageId list", "{\"messageId\":[\"<k@x>\"],\"status\":\"bounced\"}", 400, "invalid_field"));
        c.add(hook("hook: status boolean", "{\"messageId\":\"<k@schedulr.local>\",\"status\":true}", 400, "invalid_field"));
        c.add(hook("hook: detail object", "{\"messageId\":\"<k@schedulr.local>\",\"status\":\"bounced\",\"detail\":{}}", 400,
                "invalid_field"));
        c.add(hook("hook: occurredAt number", "{\"messageId\":\"<k@schedulr.local>\",\"status\":\"bounced\",\"occurredAt\":1}", 400,
                "invalid_field"));
        // hook: values
        c.add(hook("hook: unknown status", "{\"messageId\":\"<k@schedulr.local>\",\"status\":\"exploded\"}", 400, "invalid_field"));
        c.add(hook("hook: long status", "{\"messageId\":\"<k@schedulr.local>\",\"status\":\"" + LONG + "\"}", 400, "invalid_field"));
        c.add(hook("hook: occurredAt words", "{\"messageId\":\"<k@schedulr.local>\",\"status\":\"bounced\",\"occurredAt\":\"yesterday\"}",
                400, "invalid_field"));
        c.add(hook("hook: occurredAt without offset",
                "{\"messageId\":\"<k@schedulr.local>\",\"status\":\"bounced\",\"occurredAt\":\"2030-01-01T10:00:00\"}", 400, "invalid_field"));
        c.add(hook("hook: occurredAt year +999999999",
                "{\"messageId\":\"<k@schedulr.local>\",\"status\":\"bounced\",\"occurredAt\":\"+999999999-12-31T23:59:59Z\"}", 400,
                "invalid_field"));
        c.add(hook("hook: occurredAt year 1900",
                "{\"messageId\":\"<k@schedulr.local>\",\"status\":\"bounced\",\"occurredAt\":\"1900-01-01T00:00:00Z\"}", 400, "invalid_field"));
        c.add(hook("hook: occurredAt trailing NUL",
                "{\"messageId\":\"<k@schedulr.local>\",\"status\":\"bounced\",\"occurredAt\":\"2030-01-01T10:00:00Z\\u0000\"}", 400,
                "invalid_field"));
        c.add(hook("hook: 5 kB messageId", "{\"messageId\":\"<" + LONG + "@x>\",\"status\":\"bounced\"}", 400, "invalid_field"));
        // hook: control characters and hostile ids
        c.add(hook("hook: NUL in messageId", "{\"messageId\":\"<k\\u0000@schedulr.local>\",\"status\":\"bounced\"}", 400, "invalid_field"));
        c.add(hook("hook: header injection in messageId",
                "{\"messageId\":\"<k@schedulr.local>\\r\\nBcc: all@example.com\",\"status\":\"bounced\"}", 400, "invalid_field"));
        c.add(hook("hook: NUL in status", "{\"messageId\":\"<k@schedulr.local>\",\"status\":\"bounced\\u0000\"}", 400, "invalid_field"));
        c.add(hook("hook: NUL in detail", "{\"messageId\":\"<k@schedulr.local>\",\"status\":\"bounced\",\"detail\":\"550\\u0000x\"}", 400,
                "invalid_field"));
        c.add(hook("hook: escape sequence in detail",
                "{\"messageId\":\"<k@schedulr.local>\",\"status\":\"bounced\",\"detail\":\"\\u001b[2J\"}", 400, "invalid_field"));
        c.add(hook("hook: quoted local part", "{\"messageId\":\"<\\\"a b\\\"@x.com>\",\"status\":\"bounced\"}", 404, "unknown_message"));
        c.add(hook("hook: percent and pipes", "{\"messageId\":\"a%b|c^d`e{f}@x.com\",\"status\":\"bounced\"}", 404, "unknown_message"));
        c.add(hook("hook: SQL in messageId", "{\"messageId\":\"'; DELETE FROM delivery; --\",\"status\":\"bounced\"}", 404,
                "unknown_message"));
        c.add(hook("hook: double at", "{\"messageId\":\"x@@x.com\",\"status\":\"bounced\"}", 404, "unknown_message"));
        c.add(hook("hook: 900-character messageId", "{\"messageId\":\"" + "z".repeat(900) + "\",\"status\":\"delivered\"}", 404,
                "unknown_message"));
        c.add(hook("hook: emoji messageId", "{\"messageId\":\"\uD83D\uDCA3@x.com\",\"status\":\"bounced\"}", 404, "unknown_message"));
        // hook: the secret, checked before the body
        String valid = "{\"messageId\":\"<%MESSAGE%>\",\"status\":\"bounced\"}";
        c.add(hookWithSecret("hook: no secret", null, valid));
        c.add(hookWithSecret("hook: empty secret", "", valid));
        c.add(hookWithSecret("hook: wrong secret", "wrong-secret", valid));
        c.add(hookWithSecret("hook: secret of another length", SECRET + "-but-longer", valid));
        c.add(hookWithSecret("hook: the secret's prefix", SECRET.substring(0, 10), valid));
        c.add(hookWithSecret("hook: the secret in another case", SECRET.toUpperCase(), valid));
        c.add(hookWithSecret("hook: long forged secret", "s".repeat(4_000), valid));
        c.add(hookWithSecret("hook: wrong secret and not JSON", "wrong-secret", "not json"));
        c.add(new Case("hook: GET", "GET", HOOK, null, SECRET, 405, "method_not_allowed"));
        // invitation mails (service to service): the key first, then the query, then the id
        String mails = "/internal/interviews/" + UNKNOWN + "/invitation-mails";
        c.add(internal("invitation mails: not a UUID", "/internal/interviews/nope/invitation-mails", KEY, 400, "invalid_interview_id"));
        c.add(internal("invitation mails: number", "/internal/interviews/42/invitation-mails", KEY, 400, "invalid_interview_id"));
        c.add(internal("invitation mails: upper-case UUID", "/internal/interviews/" + UNKNOWN.toUpperCase() + "/invitation-mails", KEY, 400,
                "invalid_interview_id"));
        c.add(internal("invitation mails: UUID without dashes", "/internal/interviews/" + UNKNOWN.replace("-", "") + "/invitation-mails", KEY,
                400, "invalid_interview_id"));
        c.add(internal("invitation mails: the storage key", "/internal/interviews/interview:" + UNKNOWN + "/invitation-mails", KEY, 400,
                "invalid_interview_id"));
        c.add(internal("invitation mails: SQL", "/internal/interviews/' OR 1=1 --/invitation-mails", KEY, 400, "invalid_interview_id"));
        c.add(internal("invitation mails: encoded NUL", "/internal/interviews/" + UNKNOWN + "%00/invitation-mails", KEY, 400,
                "invalid_interview_id"));
        c.add(internal("invitation mails: 2 kB id", "/internal/interviews/" + "y".repeat(2_000) + "/invitation-mails", KEY, 400,
                "invalid_interview_id"));
        c.add(internal("invitation mails: query x", mails + "?x=1", KEY, 400, "unknown_parameter"));
        c.add(internal("invitation mails: query long name", mails + "?" + "q".repeat(2_000) + "=1", KEY, 400, "unknown_parameter"));
        c.add(internal("invitation mails: no key", mails, null, 401, "unauthorized"));
        c.add(internal("invitation mails: wrong key", mails, "test-service-key-3", 401, "unauthorized"));
        c.add(internal("invitation mails: the key in another case", mails, KEY.toUpperCase(), 401, "unauthorized"));
        c.add(internal("invitation mails: long forged key", mails, "k".repeat(4_000), 401, "unauthorized"));
        c.add(internal("invitation mails: no key and not a UUID", "/internal/interviews/nope/invitation-mails", null, 401, "unauthorized"));
        c.add(internal("invitation mails: no key and a query", mails + "?x=1", null, 401, "unauthorized"));
        c.add(internal("invitation mails: trailing segment", mails + "/1", KEY, 404, "not_found"));
        c.add(new Case("invitation mails: POST", "POST", mails, "{}", KEY, 405, "method_not_allowed"));
        return c;
    }

    /** The size limits {@link #oversizedRequestsAreRefusedWithJsonAndNothingIsWritten} sees. */
    private static final Seen BODY_TOO_LARGE = new Seen("POST", HOOK, 413, "body_too_large");
    private static final Seen URI_TOO_LONG = new Seen("GET", "/api/rooms/%ROOM%/deliveries", 414, "uri_too_long");
    private static final Seen HEADERS_TOO_LARGE = new Seen("GET", "/api/rooms/%ROOM%/deliveries", 431, "headers_too_large");

    /** Every error answer this test sees, placeholders filled with an unknown room, for the OpenAPI document's check. */
    public static List<Seen> errorAnswers() {
        List<Seen> seen = new ArrayList<>();
        cases().forEach(c -> seen.add(new Seen(c.method(), c.path().replace("%ROOM%", UNKNOWN), c.status(), c.code())));
        for (Seen limit : List.of(BODY_TOO_LARGE, URI_TOO_LONG, HEADERS_TOO_LARGE)) {
            seen.add(new Seen(limit.method(), limit.path().replace("%ROOM%", UNKNOWN), limit.status(), limit.code()));
        }
        return seen;
    }

    @BeforeAll
    static void fixture() {
        assertThat(Fixture.ROOM).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsCodeAndNothingIsWritten(Case c) {
        long[] before = Db.rowCounts();

        Response response = send(c);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(c.status());
        assertIsError(response, c.code());
        assertThat(Db.rowCounts()).as("deliveries, audit, notices, consumed events").containsExactly(before);
        given().get("/q/health/ready").then().statusCode(200);
    }

    static void assertIsError(Response response, String code) {
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("code")).as(response.asString()).isEqualTo(code);
        assertThat(response.jsonPath().getString("message")).isNotBlank().hasSizeLessThan(300)
                .doesNotContain("Exception", "\tat ", "x".repeat(60), "y".repeat(60), "z".repeat(60), "q".repeat(60));
    }

    private static Response send(Case c) {
        String path = c.path().replace("%ROOM%", Fixture.ROOM);
        RequestSpecification request = given().urlEncodingEnabled(!path.contains("%"));
        if (c.path().startsWith("/api/rooms")) {
            request = request.header("Authorization", Fixture.HOST.bearer());
        }
        if (c.secret() != null) {
            request = request.header(c.path().startsWith("/internal/") ? ServiceKeys.HEADER : "X-Hook-Secret", c.secret());
        }
        if (c.body() != null) {
            request = request.contentType("application/json").body(c.body().replace("%MESSAGE%", UNKNOWN + "@schedulr.local")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return switch (c.method()) {
            case "POST" -> request.post(path);
            case "DELETE" -> request.delete(path);
            default -> request.get(path);
        };
    }

    /** The request limits every service answers with JSON (service-kit): a huge body, a long URL, huge headers. */
    @Test
    void oversizedRequestsAreRefusedWithJsonAndNothingIsWritten() {
        long[] before = Db.rowCounts();
        byte[] huge = ("{\"messageId\":\"<k@schedulr.local>\",\"status\":\"bounced\",\"detail\":\"" + "d".repeat(10_000_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        Response body = given().header("X-Hook-Secret", SECRET).contentType("application/json").body(huge).post(HOOK);
        assertThat(body.statusCode()).as(body.asString()).isEqualTo(BODY_TOO_LARGE.status());
        assertIsError(body, BODY_TOO_LARGE.code());

        Response uri = given().header("Authorization", Fixture.HOST.bearer()).urlEncodingEnabled(false)
                .get("/api/rooms/" + Fixture.ROOM + "/deliveries?" + "q".repeat(20_000) + "=1");
        assertThat(uri.statusCode()).as(uri.asString()).isEqualTo(URI_TOO_LONG.status());
        assertIsError(uri, URI_TOO_LONG.code());

        Response headers = given().header("Authorization", Fixture.HOST.bearer()).header("X-Padding", "h".repeat(40_000))
                .get("/api/rooms/" + Fixture.ROOM + "/deliveries");
        assertThat(headers.statusCode()).as(headers.asString()).isEqualTo(HEADERS_TOO_LARGE.status());
        assertIsError(headers, HEADERS_TOO_LARGE.code());

        assertThat(Db.rowCounts()).containsExactly(before);
        given().get("/q/health/ready").then().statusCode(200);
    }
}

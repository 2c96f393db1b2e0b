package io.schedulr.calcom.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.schedulr.testsupport.OpenApiErrors.Seen;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cal.com routes against malformed, mistyped, missing and hostile input from a signed-in caller: the exact 4xx and
 * {@code {"code","message"}} naming the field (short, one line, no stack trace), never a 500, and the service still
 * ready. None of these reaches Cal.com.
 */
@QuarkusTest
public class CalcomApiBadInputTest {
    private static final String ATTENDEE = "\"attendee\":{\"name\":\"Grace\",\"email\":\"grace@example.com\",\"timeZone\":\"UTC\"}";
    private static final String GOOD = "\"interviewId\":\"iv-1\",\"eventTypeId\":1001,\"start\":\"2031-03-03T09:00:00Z\"," + ATTENDEE;

    record Case(String name, String method, String path, String body, String contentType, int status, String code, String mentions) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case book(String name, String body, int status, String code, String mentions) {
        return new Case(name, "POST", "/api/calcom/bookings", body, "application/json", status, code, mentions);
    }

    private static Case slots(String name, String query, String code, String mentions) {
        return new Case(name, "GET", "/api/calcom/slots" + (query.isEmpty() ? "" : "?" + query), null, null, 400, code, mentions);
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // booking: shape
        c.add(book("book: no body", null, 400, "invalid_request", null));
        c.add(book("book: null", "null", 400, "invalid_request", null));
        c.add(book("book: not JSON", "{oops", 400, "malformed_json", null));
        c.add(book("book: an array", "[{" + GOOD + "}]", 400, "invalid_body", null));
        c.add(book("book: a string", "\"iv-1\"", 400, "invalid_body", null));
        c.add(book("book: trailing content", "{" + GOOD + "} {}", 400, "invalid_body", null));
        c.add(book("book: unknown field", "{" + GOOD + ",\"hostId\":1}", 400, "unknown_field", "hostId"));
        c.add(book("book: metadata smuggled in", "{" + GOOD + ",\"metadata\":{\"a\":\"b\"}}", 400, "unknown_field", "metadata"));
        // booking: types
        c.add(book("book: eventTypeId as text", "{\"interviewId\":\"iv\",\"eventTypeId\":\"1001\",\"start\":\"2031-03-03T09:00:00Z\","
                + ATTENDEE + "}", 400, "invalid_field", "eventTypeId"));
        c.add(book("book: eventTypeId as fraction", "{\"interviewId\":\"iv\",\"eventTypeId\":10.5,\"start\":\"2031-03-03T09:00:00Z\","
                + ATTENDEE + "}", 400, "invalid_field", "eventTypeId"));
        c.add(book("book: interviewId as number", "{\"interviewId\":42,\"eventTypeId\":1001,\"start\":\"2031-03-03T09:00:00Z\","
                + ATTENDEE + "}", 400, "invalid_field", "interviewId"));
        c.add(book("book: attendee as text", "{\"interviewId\":\"iv\",\"eventTypeId\":1001,\"start\":\"2031-03-03T09:00:00Z\","
                + "\"attendee\":\"grace@example.com\"}", 400, "invalid_field", "attendee"));
        c.add(book("book: guests as text", "{" + GOOD + ",\"guests\":\"a@example.com\"}", 400, "invalid_field", "guests"));
        c.add(book("book: lengthInMinutes as text", "{" + GOOD + ",\"lengthInMinutes\":\"30\"}", 400, "invalid_field", "lengthInMinutes"));
        c.add(book("book: start without offset", "{\"interviewId\":\"iv\",\"eventTypeId\":1001,\"start\":\"2031-03-03T09:00:00\","
                + ATTENDEE + "}", 400, "invalid_field", "start"));
        c.add(book("book: start as epoch", "{\"interviewId\":\"iv\",\"eventTypeId\":1001,\"start\":1900000000," + ATTENDEE + "}", 400,
                "invalid_field", "start"));
        // booking: values
        c.add(book("book: empty object", "{}", 400, "invalid_field", "eventTypeId"));
        c.add(book("book: no interviewId", "{\"eventTypeId\":1001,\"start\":\"2031-03-03T09:00:00Z\"," + ATTENDEE + "}", 400,
                "invalid_field", "interviewId"));
        c.add(book("book: no start", "{\"interviewId\":\"iv\",\"eventTypeId\":1001," + ATTENDEE + "}", 400, "invalid_field", "start"));
        c.add(book("book: no attendee", "{\"interviewId\":\"iv\",\"eventTypeId\":1001,\"start\":\"2031-03-03T09:00:00Z\"}", 400,
                "invalid_field", "attendee"));
        c.add(book("book: eventTypeId 0", "{\"interviewId\":\"iv\",\"eventTypeId\":0,\"start\":\"2031-03-03T09:00:00Z\"," + ATTENDEE + "}",
                400, "invalid_field", "eventTypeId"));
        c.add(book("book: bad attendee email", "{\"interviewId\":\"iv\",\"eventTypeId\":1001,\"start\":\"2031-03-03T09:00:00Z\","
                + "\"attendee\":{\"name\":\"G\",\"email\":\"grace@\",\"timeZone\":\"UTC\"}}", 400, "invalid_field", "attendee.email"));
        c.add(book("book: made-up zone", "{\"interviewId\":\"iv\",\"eventTypeId\":1001,\"start\":\"2031-03-03T09:00:00Z\","
                + "\"attendee\":{\"name\":\"G\",\"email\":\"g@example.com\",\"timeZone\":\"Mars/Olympus\"}}", 400, "invalid_field",
                "attendee.timeZone"));
        c.add(book("book: name with CRLF", "{\"interviewId\":\"iv\",\"eventTypeId\":1001,\"start\":\"2031-03-03T09:00:00Z\","
                + "\"attendee\":{\"name\":\"G\\r\\nBcc: x\",\"email\":\"g@example.com\",\"timeZone\":\"UTC\"}}", 400, "invalid_field",
                "attendee.name"));
        c.add(book("book: bad guest", "{" + GOOD + ",\"guests\":[\"ok@example.com\",\"nope\"]}", 400, "invalid_field", "guests[1]"));
        c.add(book("book: 31 guests", "{" + GOOD + ",\"guests\":[" + guests(31) + "]}", 400, "invalid_field", "guests"));
        c.add(book("book: lengthInMinutes 0", "{" + GOOD + ",\"lengthInMinutes\":0}", 400, "invalid_field", "lengthInMinutes"));
        c.add(book("book: 5 kB interviewId", "{\"interviewId\":\"" + "i".repeat(5000) + "\",\"eventTypeId\":1001,"
                + "\"start\":\"2031-03-03T09:00:00Z\"," + ATTENDEE + "}", 400, "invalid_field", "interviewId"));
        c.add(book("book: 2 MB body", "{\"interviewId\":\"" + "i".repeat(2 * 1024 * 1024) + "\"}", 413, "body_too_large", null));
        c.add(new Case("book: text/plain", "POST", "/api/calcom/bookings", "{" + GOOD + "}", "text/plain", 415, "unsupported_media_type",
                null));
        // reschedule and cancel
        c.add(new Case("reschedule: no start", "POST", "/api/calcom/bookings/abc123/reschedule", "{}", "application/json", 400,
                "invalid_field", "start"));
        c.add(new Case("reschedule: start as text", "POST", "/api/calcom/bookings/abc123/reschedule", "{\"start\":\"tomorrow\"}",
                "application/json", 400, "invalid_field", "start"));
        c.add(new Case("reschedule: unknown field", "POST", "/api/calcom/bookings/abc123/reschedule",
                "{\"start\":\"2031-03-03T10:00:00Z\",\"eventTypeId\":1}", "application/json", 400, "unknown_field", "eventTypeId"));
        c.add(new Case("reschedule: bad uid", "POST", "/api/calcom/bookings/a.b/reschedule", "{\"start\":\"2031-03-03T10:00:00Z\"}",
                "application/json", 400, "invalid_field", "uid"));
        c.add(new Case("cancel: reason as number", "POST", "/api/calcom/bookings/abc123/cancel", "{\"cancellationReason\":5}",
                "application/json", 400, "invalid_field", "cancellationReason"));
        c.add(new Case("cancel: 5 kB reason", "POST", "/api/calcom/bookings/abc123/cancel",
                "{\"cancellationReason\":\"" + "r".repeat(5000) + "\"}", "application/json", 400, "invalid_field", "cancellationReason"));
        c.add(new Case("read: uid with quote", "GET", "/api/calcom/bookings/abc'123", null, null, 400, "invalid_field", "uid"));
        c.add(new Case("read: 200-character uid", "GET", "/api/calcom/bookings/" + "u".repeat(200), null, null, 400, "invalid_field",
                "uid"));
        c.add(new Case("read: DELETE", "DELETE", "/api/calcom/bookings/abc123", null, null, 405, "method_not_allowed", null));
        // slots
        c.add(slots("slots: nothing", "", "invalid_field", "eventTypeId"));
        c.add(slots("slots: eventTypeId as text", "eventTypeId=abc&start=2031-03-03&end=2031-03-04", "invalid_field", "eventTypeId"));
        c.add(slots("slots: negative eventTypeId", "eventTypeId=-1&start=2031-03-03&end=2031-03-04", "invalid_field", "eventTypeId"));
        c.add(slots("slots: no start", "eventTypeId=1001&end=2031-03-04", "invalid_field", "start"));
        c.add(slots("slots: start not a date", "eventTypeId=1001&start=soon&end=2031-03-04", "invalid_field", "start"));
        c.add(slots("slots: end before start", "eventTypeId=1001&start=2031-03-04T10:00:00Z&end=2031-03-04T09:00:00Z", "invalid_field", "end"));
        c.add(slots("slots: a year", "eventTypeId=1001&start=2031-01-01&end=2031-12-31", "invalid_field", "end"));
        c.add(slots("slots: made-up zone", "eventTypeId=1001&start=2031-03-03&end=2031-03-04&timeZone=Mars/Olympus", "invalid_field",
                "timeZone"));
        c.add(slots("slots: unknown parameter", "eventTypeId=1001&start=2031-03-03&end=2031-03-04&usernames=ada", "unknown_parameter",
                "usernames"));
        c.add(slots("slots: eventTypeId twice", "eventTypeId=1001&eventTypeId=1002&start=2031-03-03&end=2031-03-04", "invalid_field",
                "eventTypeId"));
        return c;
    }

    /** Every error answer this test sees, for the OpenAPI document's check (OpenApiDocumentTest). */
    public static List<Seen> errorAnswers() {
        return cases().stream().map(c -> new Seen(c.method(), c.path(), c.status(), c.code())).toList();
    }

    private static String guests(int n) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add("\"g" + i + "@example.com\"");
        }
        return String.join(",", list);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsCodeNamingTheField(Case c) {
        TestUser caller = Tokens.newUser("Bad Input", "UTC");
        RequestSpecification request = given().header("Authorization", caller.bearer()).urlEncodingEnabled(false);
        if (c.contentType() != null) {
            request = request.contentType(c.contentType());
        }
        if (c.body() != null) {
            request = request.body(c.body());
        }
        Response response = switch (c.method()) {
            case "POST" -> request.post(c.path());
            case "DELETE" -> request.delete(c.path());
            default -> request.get(c.path());
        };

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(c.status());
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("code")).as(response.asString()).isEqualTo(c.code());
        String message = response.jsonPath().getString("message");
        assertThat(message).isNotBlank().hasSizeLessThan(300).doesNotContain("Exception", "\tat ", "\n", "\r");
        if (c.mentions() != null) {
            assertThat(message).contains("'" + c.mentions() + "'");
        }
        given().get("/q/health/ready").then().statusCode(200);
    }
}

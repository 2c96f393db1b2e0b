package io.schedulr.calendarsync.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.schedulr.calendarsync.mirror.MirrorFixturesAccess;
import io.schedulr.testsupport.OpenApiErrors.Seen;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/calendar/free-busy} against missing, malformed, reversed, oversized and hostile ranges, asked by a
 * person whose calendar is connected (so nothing is refused for want of a connection): the exact 4xx and
 * {@code {"code","message"}} naming the field, a short one-line message, never a 500, and the service still ready.
 */
@QuarkusTest
public class FreeBusyBadInputTest {
    public static final String FREE_BUSY = "/api/calendar/free-busy";
    private static final String START = "2030-03-04T09:00:00Z";
    private static final String END = "2030-03-04T18:00:00Z";
    private static TestUser caller;

    /** A raw query (already URL-encoded), or another method / an unacceptable Accept; {@code documented}: an answer of the operation. */
    record Case(String name, String method, String query, int status, String code, boolean documented) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case get(String name, String query, int status, String code) {
        return new Case(name, "GET", query, status, code, true);
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(get("no parameters", "", 400, "invalid_start"));
        c.add(get("only end", "end=" + END, 400, "invalid_start"));
        c.add(get("only start", "start=" + START, 400, "invalid_end"));
        c.add(get("empty start", "start=&end=" + END, 400, "invalid_start"));
        c.add(get("blank end", "start=" + START + "&end=%20%20", 400, "invalid_end"));
        c.add(get("start as words", "start=tomorrow&end=" + END, 400, "invalid_start"));
        c.add(get("end as a number", "start=" + START + "&end=1893488400", 400, "invalid_end"));
        c.add(get("start without an offset", "start=2030-03-04T09:00:00&end=" + END, 400, "invalid_start"));
        c.add(get("start as a date only", "start=2030-03-04&end=" + END, 400, "invalid_start"));
        c.add(get("end on the 31st of February", "start=" + START + "&end=2030-02-31T09:00:00Z", 400, "invalid_end"));
        c.add(get("start at hour 25", "start=2030-03-04T25:00:00Z&end=" + END, 400, "invalid_start"));
        c.add(get("start with NUL", "start=" + START + "%00&end=" + END, 400, "invalid_start"));
        c.add(get("start with CRLF and a forged log line", "start=" + enc(START + "\r\n12:00:00 INFO forged") + "&end=" + END, 400,
                "invalid_start"));
        c.add(get("start with SQL", "start=" + enc("2030-03-04' OR 1=1 --") + "&end=" + END, 400, "invalid_start"));
        c.add(get("start in Unicode digits", "start=" + enc("２０３０-03-04T09:00:00Z") + "&end=" + END, 400, "invalid_start"));
        c.add(get("5 kB end", "start=" + START + "&end=" + "9".repeat(5_000), 400, "invalid_end"));
        c.add(get("start as a list", "start[]=" + START + "&end=" + END, 400, "invalid_start"));
        c.add(get("end equal to start", "start=" + START + "&end=" + START, 400, "end_before_start"));
        c.add(get("end before start", "start=" + END + "&end=" + START, 400, "end_before_start"));
        c.add(get("end before start in other offsets", "start=" + enc("2030-03-04T10:00:00+02:00") + "&end=" + enc("2030-03-04T07:30:00Z"),
                400, "end_before_start"));
        c.add(get("63 days", "start=" + START + "&end=2030-05-06T09:00:00Z", 400, "range_too_long"));
        c.add(get("from year 1 to year 9999", "start=0001-01-01T00:00:00Z&end=9999-12-31T23:59:59Z", 400, "range_too_long"));
        c.add(get("10 kB URI", "start=" + START + "&end=" + END + "&x=" + "9".repeat(10_000), 414, "uri_too_long"));
        c.add(new Case("POST", "POST", "start=" + START + "&end=" + END, 405, "method_not_allowed", false));
        c.add(new Case("DELETE", "DELETE", "start=" + START + "&end=" + END, 405, "method_not_allowed", false));
        c.add(new Case("Accept XML only", "GET-XML", "start=" + START + "&end=" + END, 406, "not_acceptable", false));
        return c;
    }

    /** Every error answer of the operation this test sees, for the OpenAPI document's check (OpenApiDocumentTest). */
    public static List<Seen> errorAnswers() {
        return cases().stream().filter(Case::documented).map(c -> new Seen("GET", FREE_BUSY, c.status(), c.code())).toList();
    }

    /** Once, when the service runs (a static {@code @BeforeAll} comes before it does). */
    @BeforeEach
    void connected() {
        if (caller == null) {
            TestUser person = Tokens.newUser("Range Caller", "UTC");
            MirrorFixturesAccess.connectAndAwaitWatched(person);
            caller = person;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsCode(Case c) {
        RequestSpecification request = given().urlEncodingEnabled(false).header("Authorization", caller.bearer());
        String uri = FREE_BUSY + (c.query().isEmpty() ? "" : "?" + c.query());
        Response response = switch (c.method()) {
            case "POST" -> request.post(uri);
            case "DELETE" -> request.delete(uri);
            case "GET-XML" -> request.accept("application/xml").get(uri);
            default -> request.get(uri);
        };

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(c.status());
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("code")).as(response.asString()).isEqualTo(c.code());
        String message = response.jsonPath().getString("message");
        assertThat(message).isNotBlank().hasSizeLessThan(300).doesNotContain("Exception", "\tat ", "\n", "\r", "\u0000");
        if (c.code().startsWith("invalid_")) {
            assertThat(message).as("names the field").contains("'" + c.code().substring("invalid_".length()) + "'");
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

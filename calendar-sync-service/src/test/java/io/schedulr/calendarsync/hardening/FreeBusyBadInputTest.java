package io.schedulr.calendarsync.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.schedulr.calendarsync.freebusy.InternalFreeBusyTest;
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
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/calendar/free-busy} against missing, malformed, reversed, oversized and hostile ranges, asked by a
 * person whose calendar is connected (so nothing is refused for want of a connection): the exact 4xx and
 * {@code {"code","message"}} naming the field, a short one-line message, never a 500, and the service still ready. The
 * same for {@code GET /internal/free-busy}, asked with a valid service key about that person: missing, blank, overlong
 * and control-character persons ({@code invalid_person}, checked before the range), then every range row of the first
 * route.
 */
@QuarkusTest
public class FreeBusyBadInputTest {
    public static final String FREE_BUSY = "/api/calendar/free-busy";
    public static final String INTERNAL_FREE_BUSY = InternalFreeBusyTest.INTERNAL_FREE_BUSY;
    /** In an internal row's query: the connected caller's Google account id, filled in when the row runs. */
    private static final String PERSON = "{person}";
    private static final String START = "2030-03-04T09:00:00Z";
    private static final String END = "2030-03-04T18:00:00Z";
    private static TestUser caller;

    /**
     * A raw query (already URL-encoded) on a route, or another method / an unacceptable Accept; {@code documented}: an
     * answer of the operation. The person's route is asked with the caller's bearer token, the internal one with a key.
     */
    record Case(String name, String method, String path, String query, int status, String code, boolean documented) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case get(String name, String query, int status, String code) {
        return new Case(name, "GET", FREE_BUSY, query, status, code, true);
    }

    private static Case internal(String name, String query, int status, String code) {
        return new Case("internal: " + name, "GET", INTERNAL_FREE_BUSY, query, status, code, true);
    }

    private static final Set<String> RANGE_CODES = Set.of("invalid_start", "invalid_end", "end_before_start", "range_too_long");

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
        c.add(get("start as a list", "start[]=" + START + "&end=" + END, 400, "unknown_parameter"));
        c.add(get("a parameter the route does not take", "start=" + START + "&end=" + END + "&person=someone", 400, "unknown_parameter"));
        c.add(get("end equal to start", "start=" + START + "&end=" + START, 400, "end_before_start"));
        c.add(get("end before start", "start=" + END + "&end=" + START, 400, "end_before_start"));
        c.add(get("end before start in other offsets", "start=" + enc("2030-03-04T10:00:00+02:00") + "&end=" + enc("2030-03-04T07:30:00Z"),
                400, "end_before_start"));
        c.add(get("63 days", "start=" + START + "&end=2030-05-06T09:00:00Z", 400, "range_too_long"));
        c.add(get("from year 1 to year 9999", "start=0001-01-01T00:00:00Z&end=9999-12-31T23:59:59Z", 400, "range_too_long"));
        c.add(get("10 kB URI", "start=" + START + "&end=" + END + "&x=" + "9".repeat(10_000), 414, "uri_too_long"));
        c.add(new Case("POST", "POST", FREE_BUSY, "start=" + START + "&end=" + END, 405, "method_not_allowed", false));
        c.add(new Case("DELETE", "DELETE", FREE_BUSY, "start=" + START + "&end=" + END, 405, "method_not_allowed", false));
        c.add(new Case("Accept XML only", "GET-XML", FREE_BUSY, "start=" + START + "&end=" + END, 406, "not_acceptable", false));
        c.addAll(internalCases(c));
        return c;
    }

    /** The internal route: the person first, then every range row of the person's route with a valid person. */
    private static List<Case> internalCases(List<Case> personsRoute) {
        String range = "&start=" + START + "&end=" + END;
        List<Case> c = new ArrayList<>();
        c.add(internal("no parameters", "", 400, "invalid_person"));
        c.add(internal("no person", range.substring(1), 400, "invalid_person"));
        c.add(internal("empty person", "person=" + range, 400, "invalid_person"));
        c.add(internal("blank person", "person=%20%20" + range, 400, "invalid_person"));
        c.add(internal("person as a list", "person[]=" + PERSON + range, 400, "invalid_person"));
        c.add(internal("person of 256 characters", "person=" + "1".repeat(256) + range, 400, "invalid_person"));
        c.add(internal("5 kB person", "person=" + "9".repeat(5_000) + range, 400, "invalid_person"));
        c.add(internal("person with NUL", "person=" + PERSON + "%00" + range, 400, "invalid_person"));
        c.add(internal("person with CRLF and a forged log line", "person=" + PERSON + enc("\r\n12:00:00 INFO forged") + range, 400,
                "invalid_person"));
        c.add(internal("person with a tab", "person=" + PERSON + "%09" + range, 400, "invalid_person"));
        c.add(internal("person with DEL", "person=" + PERSON + "%7F" + range, 400, "invalid_person"));
        c.add(internal("person with a C1 control (NEL)", "person=" + PERSON + enc("\u0085") + range, 400, "invalid_person"));
        c.add(internal("person with a line separator", "person=" + PERSON + enc("\u2028") + range, 400, "invalid_person"));
        c.add(internal("an empty person and a bad start: the person first", "person=&start=tomorrow&end=" + END, 400, "invalid_person"));
        // the person's route refuses "start[]" as a parameter it does not take; the internal route reads it as no start
        c.add(internal("start as a list", "person=" + PERSON + "&start[]=" + START + "&end=" + END, 400, "invalid_start"));
        for (Case row : personsRoute) {
            if (row.path().equals(FREE_BUSY) && row.method().equals("GET") && RANGE_CODES.contains(row.code())) {
                String query = "person=" + PERSON + (row.query().isEmpty() ? "" : "&" + row.query());
                c.add(internal(row.name(), query, row.status(), row.code()));
            }
        }
        c.add(internal("10 kB URI", "person=" + PERSON + range + "&x=" + "9".repeat(10_000), 414, "uri_too_long"));
        c.add(new Case("internal: POST", "POST", INTERNAL_FREE_BUSY, "person=" + PERSON + range, 405, "method_not_allowed", false));
        c.add(new Case("internal: DELETE", "DELETE", INTERNAL_FREE_BUSY, "person=" + PERSON + range, 405, "method_not_allowed", false));
        c.add(new Case("internal: Accept XML only", "GET-XML", INTERNAL_FREE_BUSY, "person=" + PERSON + range, 406, "not_acceptable", false));
        return c;
    }

    /** Every error answer of the operation this test sees, for the OpenAPI document's check (OpenApiDocumentTest). */
    public static List<Seen> errorAnswers() {
        return cases().stream().filter(Case::documented).map(c -> new Seen(c.method(), c.path(), c.status(), c.code())).distinct().toList();
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
        RequestSpecification request = given().urlEncodingEnabled(false);
        request = c.path().equals(FREE_BUSY) ? request.header("Authorization", caller.bearer())
                : request.header(InternalFreeBusyTest.HEADER, InternalFreeBusyTest.KEY);
        String query = c.query().replace(PERSON, caller.id());
        String uri = c.path() + (query.isEmpty() ? "" : "?" + query);
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

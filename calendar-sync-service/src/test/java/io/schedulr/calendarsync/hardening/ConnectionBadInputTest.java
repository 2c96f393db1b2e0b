package io.schedulr.calendarsync.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.schedulr.calendarsync.connection.ConnectionRows;
import io.schedulr.calendarsync.connection.GoogleConsent;
import io.schedulr.testsupport.OpenApiErrors.Seen;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar callback against malformed, mistyped, oversized and hostile input, both as a front end posts it and as
 * Google's redirect brings it: the exact 4xx and {@code {"code","message"}} (a short message, no stack trace), never a
 * 500, nothing stored or announced for the person, and the service still ready. {@code %STATE%} and {@code %CODE%} are
 * a real, unused consent of the caller from the local Google.
 */
@QuarkusTest
public class ConnectionBadInputTest {
    private static final String CALLBACK = "/api/auth/google/callback";
    private static final String START = "/api/auth/google/start";
    private static final String LONG = "x".repeat(5_000);
    private static final String FORGED = "bm9uY2U.c3ViLTE.c2lnbmF0dXJl";

    /** {@code POST} as the caller with this content type, or {@code GET} (the public redirect) with this raw query. */
    record Case(String name, String method, String body, String contentType, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case post(String name, String body, int status, String code) {
        return new Case(name, "POST", body, "application/json", status, code);
    }

    private static Case redirect(String name, String query, int status, String code) {
        return new Case(name, "GET", query, null, status, code);
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // POST: shape
        c.add(post("post: no body", null, 400, "invalid_request"));
        c.add(post("post: null", "null", 400, "invalid_request"));
        c.add(post("post: not JSON", "{oops", 400, "malformed_json"));
        c.add(post("post: truncated JSON", "{\"code\":", 400, "malformed_json"));
        c.add(post("post: an array", "[]", 400, "invalid_body"));
        c.add(post("post: the object in an array", "[{\"code\":\"%CODE%\",\"state\":\"%STATE%\"}]", 400, "invalid_body"));
        c.add(post("post: a string", "\"%CODE%\"", 400, "invalid_body"));
        c.add(post("post: a number", "42", 400, "invalid_body"));
        // POST: types
        // service-kit's StrictJson: a number or boolean where text belongs is a wrong type, never converted.
        c.add(post("post: code as number", "{\"code\":1,\"state\":\"%STATE%\"}", 400, "invalid_field"));
        c.add(post("post: state as number", "{\"code\":\"%CODE%\",\"state\":1}", 400, "invalid_field"));
        c.add(post("post: code as boolean", "{\"code\":true,\"state\":\"%STATE%\"}", 400, "invalid_field"));
        c.add(post("post: code as object", "{\"code\":{},\"state\":\"%STATE%\"}", 400, "invalid_field"));
        c.add(post("post: state as list", "{\"code\":\"%CODE%\",\"state\":[\"%STATE%\"]}", 400, "invalid_field"));
        c.add(post("post: unknown field", "{\"code\":\"%CODE%\",\"state\":\"%STATE%\",\"googleAccountId\":\"someone\"}", 400,
                "unknown_field"));
        c.add(post("post: redirect_uri smuggled in", "{\"code\":\"%CODE%\",\"state\":\"%STATE%\",\"redirect_uri\":\"https://evil.example\"}",
                400, "unknown_field"));
        // POST: values
        c.add(post("post: empty object", "{}", 400, "invalid_state"));
        c.add(post("post: no state", "{\"code\":\"%CODE%\"}", 400, "invalid_state"));
        c.add(post("post: blank state", "{\"code\":\"%CODE%\",\"state\":\"   \"}", 400, "invalid_state"));
        c.add(post("post: forged state", "{\"code\":\"%CODE%\",\"state\":\"" + FORGED + "\"}", 400, "invalid_state"));
        c.add(post("post: 5 kB state", "{\"code\":\"%CODE%\",\"state\":\"" + LONG + "\"}", 400, "invalid_state"));
        c.add(post("post: state with NUL", "{\"code\":\"%CODE%\",\"state\":\"%STATE%\\u0000\"}", 400, "invalid_state"));
        c.add(post("post: no code", "{\"state\":\"%STATE%\"}", 400, "invalid_code"));
        c.add(post("post: null code", "{\"code\":null,\"state\":\"%STATE%\"}", 400, "invalid_code"));
        c.add(post("post: a code Google never issued", "{\"code\":\"not-a-code\",\"state\":\"%STATE%\"}", 400, "invalid_code"));
        c.add(post("post: 5 kB code", "{\"code\":\"" + LONG + "\",\"state\":\"%STATE%\"}", 400, "invalid_code"));
        c.add(post("post: code with CRLF", "{\"code\":\"a\\r\\nb\",\"state\":\"%STATE%\"}", 400, "invalid_code"));
        c.add(post("post: code with a lone surrogate", "{\"code\":\"4/a\\ud800\",\"state\":\"%STATE%\"}", 400, "invalid_code"));
        // POST: size and media type
        c.add(post("post: 2 MB body", "{\"code\":\"" + "c".repeat(2 * 1024 * 1024) + "\",\"state\":\"%STATE%\"}", 413, "body_too_large"));
        c.add(new Case("post: text/plain", "POST", "{\"code\":\"%CODE%\",\"state\":\"%STATE%\"}", "text/plain", 415,
                "unsupported_media_type"));
        c.add(new Case("post: form-encoded", "POST", "code=%CODE%&state=%STATE%", "application/x-www-form-urlencoded", 415,
                "unsupported_media_type"));
        c.add(new Case("post: XML", "POST", "<callback><code>%CODE%</code></callback>", "application/xml", 415, "unsupported_media_type"));
        // GET: the redirect from Google, public
        c.add(redirect("redirect: no parameters", "", 400, "invalid_state"));
        c.add(redirect("redirect: only the code", "code=%CODE%", 400, "invalid_state"));
        c.add(redirect("redirect: empty state", "code=%CODE%&state=", 400, "invalid_state"));
        c.add(redirect("redirect: state of dots", "code=%CODE%&state=....", 400, "invalid_state"));
        c.add(redirect("redirect: forged state", "code=%CODE%&state=" + FORGED, 400, "invalid_state"));
        c.add(redirect("redirect: state with NUL", "code=%CODE%&state=%STATE%%00", 400, "invalid_state"));
        c.add(redirect("redirect: state with CRLF", "code=%CODE%&state=a%0D%0Ab", 400, "invalid_state"));
        c.add(redirect("redirect: state in Unicode", "code=%CODE%&state=" + enc("ｓｔａｔｅ.☃.\uD83D\uDE00"), 400, "invalid_state"));
        c.add(redirect("redirect: state with SQL", "code=%CODE%&state=" + enc("x.y.' OR 1=1 --"), 400, "invalid_state"));
        c.add(redirect("redirect: 7 kB state", "code=%CODE%&state=" + "s".repeat(7_000), 400, "invalid_state"));
        c.add(redirect("redirect: 10 kB state", "code=%CODE%&state=" + "s".repeat(10_000), 414, "uri_too_long"));
        c.add(redirect("redirect: state twice, forged first", "code=%CODE%&state=" + FORGED + "&state=%STATE%", 400, "invalid_state"));
        c.add(redirect("redirect: state as state[]", "code=%CODE%&state[]=%STATE%", 400, "invalid_state"));
        c.add(redirect("redirect: no code", "state=%STATE%", 400, "invalid_code"));
        c.add(redirect("redirect: empty code", "state=%STATE%&code=", 400, "invalid_code"));
        c.add(redirect("redirect: a code Google never issued", "state=%STATE%&code=not-a-code", 400, "invalid_code"));
        c.add(redirect("redirect: code twice, unknown first", "state=%STATE%&code=not-a-code&code=%CODE%", 400, "invalid_code"));
        c.add(redirect("redirect: 7 kB code", "state=%STATE%&code=" + "c".repeat(7_000), 400, "invalid_code"));
        c.add(redirect("redirect: code with CRLF and NUL", "state=%STATE%&code=a%0D%0Ab%00", 400, "invalid_code"));
        c.add(redirect("redirect: error without state", "error=access_denied", 400, "invalid_state"));
        c.add(redirect("redirect: error with a forged state", "error=access_denied&state=" + FORGED, 400, "invalid_state"));
        c.add(redirect("redirect: error twice", "state=%STATE%&error=access_denied&error=server_error", 400, "consent_denied"));
        c.add(redirect("redirect: 7 kB error", "state=%STATE%&error=" + "e".repeat(7_000), 400, "consent_denied"));
        c.add(redirect("redirect: error with CRLF", "state=%STATE%&error=" + enc("access_denied\r\n12:00:00 INFO forged log line"), 400,
                "consent_denied"));
        return c;
    }

    /** {@code GET start}'s query (the person's zone, for the calendar made for them): each refused as invalid_timeZone. */
    static List<Case> startCases() {
        List<Case> c = new ArrayList<>();
        c.add(redirect("start: blank zone", "timeZone=%20%20", 400, "invalid_timeZone"));
        c.add(redirect("start: an offset", "timeZone=%2B02:00", 400, "invalid_timeZone"));
        c.add(redirect("start: an abbreviation", "timeZone=CET%20DST", 400, "invalid_timeZone"));
        c.add(redirect("start: unknown region", "timeZone=Mars/Olympus_Mons", 400, "invalid_timeZone"));
        c.add(redirect("start: wrong case", "timeZone=europe/berlin", 400, "invalid_timeZone"));
        c.add(redirect("start: with NUL", "timeZone=UTC%00", 400, "invalid_timeZone"));
        c.add(redirect("start: with CRLF", "timeZone=UTC%0D%0AX-Forged:%201", 400, "invalid_timeZone"));
        c.add(redirect("start: 5 kB", "timeZone=" + LONG, 400, "invalid_timeZone"));
        c.add(redirect("start: path traversal", "timeZone=" + enc("../../etc/passwd"), 400, "invalid_timeZone"));
        return c;
    }

    /** Every error answer this test sees, for the OpenAPI document's check (OpenApiDocumentTest). */
    public static List<Seen> errorAnswers() {
        List<Seen> seen = new ArrayList<>(cases().stream().map(c -> new Seen(c.method(), CALLBACK, c.status(), c.code())).toList());
        startCases().forEach(c -> seen.add(new Seen("GET", START, c.status(), c.code())));
        return seen;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("startCases")
    void aZoneThatIsNotAnIanaNameIsRefusedAtStartAndNoStateIsIssued(Case c) {
        TestUser caller = Tokens.newUser("Bad Zone", "UTC");

        Response response = given().header("Authorization", caller.bearer()).accept("application/json").urlEncodingEnabled(false)
                .get(START + "?" + c.body());

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(c.status());
        assertThat(response.jsonPath().getString("code")).as(response.asString()).isEqualTo(c.code());
        assertThat(response.jsonPath().getString("message")).isNotBlank().hasSizeLessThan(300)
                .doesNotContain("Exception", "\tat ", "\n", "\r");
        assertThat(response.header("Location")).as("not sent to Google").isNull();
        assertThat(ConnectionRows.count("SELECT count(*) FROM oauth_state WHERE google_account_id = ?", caller.id()))
                .as("no state issued").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsCodeAndNothingIsStored(Case c) {
        TestUser caller = Tokens.newUser("Bad Input", "UTC");
        String text = c.body() == null ? null : fill(c.body(), caller, c.contentType() == null);

        Response response;
        if (c.method().equals("POST")) {
            RequestSpecification request = given().header("Authorization", caller.bearer()).contentType(c.contentType());
            if (text != null) {
                request = request.body(text);
            }
            response = request.post(CALLBACK);
        } else {
            response = given().urlEncodingEnabled(false).get(CALLBACK + (text.isEmpty() ? "" : "?" + text));
        }

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(c.status());
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("code")).as(response.asString()).isEqualTo(c.code());
        assertThat(response.jsonPath().getString("message")).isNotBlank().hasSizeLessThan(300)
                .doesNotContain("Exception", "\tat ", "\n", "\r");
        assertThat(ConnectionRows.connection(caller.id())).as("nothing stored").isEmpty();
        assertThat(ConnectionRows.count("SELECT count(*) FROM outbox WHERE message_key = ?", caller.id())).as("nothing announced").isZero();
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** A fresh consent of the caller when the case needs one; URL-encoded for a query. */
    private static String fill(String template, TestUser caller, boolean query) {
        if (!template.contains("%STATE%") && !template.contains("%CODE%")) {
            return template;
        }
        Map<String, String> consent = GoogleConsent.consent(caller, "");
        String state = query ? enc(consent.get("state")) : consent.get("state");
        String code = query ? enc(consent.get("code")) : consent.get("code");
        return template.replace("%STATE%", state).replace("%CODE%", code);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

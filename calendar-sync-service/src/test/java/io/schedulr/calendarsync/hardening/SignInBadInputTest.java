package io.schedulr.calendarsync.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.schedulr.testsupport.OpenApiErrors.Seen;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Google sign-in (both routes, public) against malformed, mistyped, oversized and hostile input: the exact 4xx and
 * {@code {"code","message"}}, never a 500, never a token, and the service still ready.
 */
@QuarkusTest
public class SignInBadInputTest {
    static final String SIGN_IN = "/api/auth/google/sign-in";
    static final String WEB_APP = "http://localhost:8080/";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final String STATE = "state-0123456789abcdef";

    /** {@code GET} with this raw query, or {@code POST} with this body and content type. */
    record Case(String name, String method, String input, String contentType, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case url(String name, String query, int status, String code) {
        return new Case(name, "GET", query, null, status, code);
    }

    private static Case post(String name, String body, int status, String code) {
        return new Case(name, "POST", body, "application/json", status, code);
    }

    private static String body(String code, String verifier, String redirect) {
        return "{\"code\":" + code + ",\"codeVerifier\":" + verifier + ",\"redirectUri\":" + redirect + "}";
    }

    private static String q(String s) {
        return "\"" + s + "\"";
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        String ok = "redirectUri=" + WEB_APP + "&state=" + STATE + "&codeChallenge=" + CHALLENGE;
        c.add(url("url: no parameters", "", 400, "invalid_field"));
        c.add(url("url: no redirect", "state=" + STATE + "&codeChallenge=" + CHALLENGE, 400, "invalid_field"));
        c.add(url("url: another site", ok.replace(WEB_APP, "https://evil.example/"), 400, "redirect_uri_not_allowed"));
        c.add(url("url: the web app with a path added", ok.replace(WEB_APP, WEB_APP + "steal"), 400, "redirect_uri_not_allowed"));
        c.add(url("url: javascript: redirect", ok.replace(WEB_APP, "javascript:alert(1)"), 400, "redirect_uri_not_allowed"));
        c.add(url("url: no state", "redirectUri=" + WEB_APP + "&codeChallenge=" + CHALLENGE, 400, "invalid_field"));
        c.add(url("url: short state", ok.replace(STATE, "abc"), 400, "invalid_field"));
        c.add(url("url: state with CRLF", ok.replace(STATE, STATE + "%0D%0Aa"), 400, "invalid_field"));
        c.add(url("url: 300-character state", ok.replace(STATE, "s".repeat(300)), 400, "invalid_field"));
        c.add(url("url: no challenge", "redirectUri=" + WEB_APP + "&state=" + STATE, 400, "invalid_field"));
        c.add(url("url: plain challenge", ok.replace(CHALLENGE, "plain"), 400, "invalid_field"));
        c.add(url("url: challenge with a quote", ok.replace(CHALLENGE, CHALLENGE.substring(1) + "%22"), 400, "invalid_field"));
        c.add(url("url: silentFor not an address", ok + "&silentFor=ada", 400, "invalid_field"));
        c.add(url("url: silentFor with a space", ok + "&silentFor=ada%20x@example.com", 400, "invalid_field"));
        c.add(url("url: silentFor with CRLF", ok + "&silentFor=ada@example.com%0D%0Aprompt=consent", 400, "invalid_field"));
        c.add(url("url: silentFor with two @", ok + "&silentFor=a@b@example.com", 400, "invalid_field"));
        c.add(url("url: silentFor of 300 characters", ok + "&silentFor=" + "a".repeat(288) + "@example.com", 400, "invalid_field"));
        c.add(url("url: silentFor smuggling a parameter", ok + "&silentFor=ada@example.com%26prompt%3Dconsent", 400, "invalid_field"));
        c.add(url("url: 10 kB redirect", ok.replace(WEB_APP, "h".repeat(10_000)), 414, "uri_too_long"));

        c.add(post("post: no body", null, 400, "invalid_request"));
        c.add(post("post: null", "null", 400, "invalid_request"));
        c.add(post("post: not JSON", "{oops", 400, "malformed_json"));
        c.add(post("post: an array", "[]", 400, "invalid_body"));
        c.add(post("post: a number", "42", 400, "invalid_body"));
        c.add(post("post: code as number", body("1", q(VERIFIER), q(WEB_APP)), 400, "invalid_field"));
        c.add(post("post: verifier as list", body(q("c"), "[" + q(VERIFIER) + "]", q(WEB_APP)), 400, "invalid_field"));
        c.add(post("post: unknown field", "{\"code\":\"c\",\"codeVerifier\":" + q(VERIFIER) + ",\"redirectUri\":" + q(WEB_APP)
                + ",\"client_secret\":\"x\"}", 400, "unknown_field"));
        c.add(post("post: empty object", "{}", 400, "invalid_field"));
        c.add(post("post: no code", "{\"codeVerifier\":" + q(VERIFIER) + ",\"redirectUri\":" + q(WEB_APP) + "}", 400, "invalid_field"));
        c.add(post("post: 5 kB code", body(q("c".repeat(5_000)), q(VERIFIER), q(WEB_APP)), 400, "invalid_field"));
        c.add(post("post: short verifier", body(q("c"), q("short"), q(WEB_APP)), 400, "invalid_field"));
        c.add(post("post: verifier with spaces", body(q("c"), q(VERIFIER.substring(2) + " x"), q(WEB_APP)), 400, "invalid_field"));
        c.add(post("post: no redirect", "{\"code\":\"c\",\"codeVerifier\":" + q(VERIFIER) + "}", 400, "invalid_field"));
        c.add(post("post: another site", body(q("c"), q(VERIFIER), q("https://evil.example/")), 400, "redirect_uri_not_allowed"));
        c.add(post("post: a code Google never issued", body(q("not-a-code"), q(VERIFIER), q(WEB_APP)), 400, "invalid_code"));
        c.add(post("post: code with CRLF", body(q("a\\r\\nb"), q(VERIFIER), q(WEB_APP)), 400, "invalid_code"));
        c.add(post("post: code with a lone surrogate", body(q("4/a\\ud800"), q(VERIFIER), q(WEB_APP)), 400, "invalid_code"));
        String zoned = "{\"code\":\"c\",\"codeVerifier\":" + q(VERIFIER) + ",\"redirectUri\":" + q(WEB_APP) + ",\"timeZone\":";
        c.add(post("post: zone as an offset", zoned + q("+02:00") + "}", 400, "invalid_timeZone"));
        c.add(post("post: zone made up", zoned + q("Mars/Olympus") + "}", 400, "invalid_timeZone"));
        c.add(post("post: zone as number", zoned + "2}", 400, "invalid_field"));
        c.add(post("post: 2 MB body", body(q("c".repeat(2 * 1024 * 1024)), q(VERIFIER), q(WEB_APP)), 413, "body_too_large"));
        c.add(new Case("post: text/plain", "POST", body(q("c"), q(VERIFIER), q(WEB_APP)), "text/plain", 415, "unsupported_media_type"));
        c.add(new Case("post: form-encoded", "POST", "code=c&codeVerifier=" + VERIFIER, "application/x-www-form-urlencoded", 415,
                "unsupported_media_type"));
        return c;
    }

    /** Every error answer this test sees, for the OpenAPI document's check (OpenApiDocumentTest). */
    public static List<Seen> errorAnswers() {
        return cases().stream().map(c -> new Seen(c.method(), SIGN_IN, c.status(), c.code())).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsCodeAndNoToken(Case c) {
        Response response;
        if (c.method().equals("POST")) {
            var request = given().contentType(c.contentType());
            if (c.input() != null) {
                request = request.body(c.input());
            }
            response = request.post(SIGN_IN);
        } else {
            response = given().urlEncodingEnabled(false).accept("application/json").get(SIGN_IN + (c.input().isEmpty() ? "" : "?" + c.input()));
        }

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(c.status());
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("code")).as(response.asString()).isEqualTo(c.code());
        assertThat(response.jsonPath().getString("message")).isNotBlank().hasSizeLessThan(300)
                .doesNotContain("Exception", "\tat ", "\n", "\r");
        assertThat(response.asString()).doesNotContain("idToken");
        given().get("/q/health/ready").then().statusCode(200);
    }
}

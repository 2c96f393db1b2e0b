package io.schedulr.calcom.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/**
 * Bad input on every route of this service (only {@code GET /api/whoami} so far): the exact 4xx with the
 * {@code {"code","message"}} body, never a 500 or an empty answer, and the service still ready. Later endpoints add rows.
 */
@QuarkusTest
class BadInputTableTest {
    private static final TestUser USER = Tokens.newUser("Table Caller", "UTC");

    record Case(String name, String method, String path, String header, String body, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("who am I: POST", "POST", "/api/whoami", null, "{}", 405, "method_not_allowed"),
                new Case("who am I: DELETE", "DELETE", "/api/whoami", null, null, 405, "method_not_allowed"),
                new Case("who am I: 10 kB URI", "GET", "/api/whoami?x=" + "9".repeat(10_000), null, null, 414, "uri_too_long"),
                new Case("who am I: 20 kB header", "GET", "/api/whoami", "p".repeat(20_000), null, 431, "headers_too_large"),
                new Case("who am I: 2 MB body", "POST", "/api/whoami", null, "x".repeat(2 * 1024 * 1024), 413, "body_too_large"),
                new Case("unknown route", "GET", "/api/nothing-here", null, null, 404, "not_found"),
                new Case("who am I: Accept XML only", "GET-XML", "/api/whoami", null, null, 406, "not_acceptable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsCode(Case c) {
        var request = given().header("Authorization", USER.bearer());
        if (c.header() != null) {
            request = request.header("X-Padding", c.header());
        }
        if (c.body() != null) {
            request = request.contentType("application/json").body(c.body());
        }
        Response response = switch (c.method()) {
            case "POST" -> request.post(c.path());
            case "DELETE" -> request.delete(c.path());
            case "GET-XML" -> request.accept("application/xml").get(c.path());
            default -> request.get(c.path());
        };

        assertThat(response.asString(), response.statusCode(), equalTo(c.status()));
        assertThat(response.contentType(), startsWith("application/json"));
        assertThat(response.asString(), response.jsonPath().getString("code"), equalTo(c.code()));
        assertThat(response.jsonPath().getString("message").length(), lessThan(300));
        assertThat(response.asString(), not(containsString("Exception")));
        given().get("/q/health/ready").then().statusCode(200);
    }
}

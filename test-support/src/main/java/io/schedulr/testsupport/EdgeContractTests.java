package io.schedulr.testsupport;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The authorization matrix and bad-input table of a service whose only route is {@code GET /api/whoami}, inherited by
 * its {@code @QuarkusTest}: every refused kind of token 401, every signed-in person (an admin too) 200; wrong methods,
 * unknown routes, oversized URI, headers and body, and an unacceptable {@code Accept} refused with their JSON codes,
 * the service still ready. A service that grows routes gets tables of its own, as scheduling-service has.
 */
public abstract class EdgeContractTests {

    @TestFactory
    Stream<DynamicTest> everyRefusedKindOfTokenIs401() {
        return Arrays.stream(Tokens.Refused.values()).map(kind -> DynamicTest.dynamicTest("who am I with " + kind, () -> {
            RequestSpecification request = given();
            String token = kind.token();
            if (token != null) {
                request = request.header("Authorization", "Bearer " + token);
            }
            Response response = request.get("/api/whoami");

            assertThat(response.asString(), response.statusCode(), equalTo(401));
            assertThat(response.jsonPath().getString("code"), equalTo("unauthorized"));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everySignedInPersonIsAnswered() {
        return Stream.of("host", "guest", "third", "admin").map(who -> DynamicTest.dynamicTest("who am I as " + who, () -> {
            TestUser user = who.equals("admin") ? Tokens.newUserWithRoles("Matrix Admin", "UTC", "admin")
                    : Tokens.newUser("Matrix " + who, "UTC");
            Response response = given().header("Authorization", user.bearer()).get("/api/whoami");

            assertThat(response.asString(), response.statusCode(), equalTo(200));
            assertThat(response.jsonPath().getString("id"), equalTo(user.id()));
        }));
    }

    private record Case(String name, String method, String path, String header, String body, int status, String code) {
    }

    @TestFactory
    Stream<DynamicTest> badInputIsRefusedWithItsCode() {
        TestUser user = Tokens.newUser("Table Caller", "UTC");
        List<Case> cases = List.of(
                new Case("POST", "POST", "/api/whoami", null, "{}", 405, "method_not_allowed"),
                new Case("DELETE", "DELETE", "/api/whoami", null, null, 405, "method_not_allowed"),
                new Case("10 kB URI", "GET", "/api/whoami?x=" + "9".repeat(10_000), null, null, 414, "uri_too_long"),
                new Case("20 kB header", "GET", "/api/whoami", "p".repeat(20_000), null, 431, "headers_too_large"),
                new Case("2 MB body", "POST", "/api/whoami", null, "x".repeat(2 * 1024 * 1024), 413, "body_too_large"),
                new Case("unknown route", "GET", "/api/nothing-here", null, null, 404, "not_found"),
                new Case("Accept XML only", "GET-XML", "/api/whoami", null, null, 406, "not_acceptable"));
        return cases.stream().map(c -> DynamicTest.dynamicTest("who am I: " + c.name(), () -> {
            RequestSpecification request = given().header("Authorization", user.bearer());
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
        }));
    }
}

package io.schedulr.calcom.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.schedulr.testsupport.OpenApiErrors.Seen;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cal.com routes × every kind of token the service must refuse: 401 {@code {"code":"unauthorized"}} before anything
 * reaches Cal.com (the bodies are valid, so only the token can be the reason). Signed-in callers are covered route by
 * route in {@code CalcomApiRoutesTest}.
 */
@QuarkusTest
public class CalcomApiAuthorizationMatrixTest {
    record Route(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Cell(Route route, Tokens.Refused kind) {
        @Override
        public String toString() {
            return route + " with " + kind;
        }
    }

    static final String BOOKING = """
            {"interviewId":"iv-matrix","eventTypeId":1001,"start":"2031-03-03T09:00:00Z",
             "attendee":{"name":"Matrix","email":"matrix@example.com","timeZone":"UTC"}}""";

    static final List<Route> ROUTES = List.of(
            new Route("GET", "/api/calcom/event-types", null),
            new Route("GET", "/api/calcom/slots?eventTypeId=1001&start=2031-03-03&end=2031-03-04", null),
            new Route("POST", "/api/calcom/bookings", BOOKING),
            new Route("GET", "/api/calcom/bookings/abcDEF123", null),
            new Route("POST", "/api/calcom/bookings/abcDEF123/cancel", "{\"cancellationReason\":\"x\"}"),
            new Route("POST", "/api/calcom/bookings/abcDEF123/reschedule", "{\"start\":\"2031-03-03T10:00:00Z\"}"));

    /** Every error answer this test sees, for the OpenAPI document's check (OpenApiDocumentTest). */
    public static List<Seen> errorAnswers() {
        return ROUTES.stream().map(route -> new Seen(route.method(), route.path(), 401, "unauthorized")).toList();
    }

    static List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (Route route : ROUTES) {
            for (Tokens.Refused kind : Tokens.Refused.values()) {
                cells.add(new Cell(route, kind));
            }
        }
        return cells;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void everyRefusedKindOfTokenIs401(Cell cell) {
        RequestSpecification request = given();
        String token = cell.kind().token();
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (cell.route().body() != null) {
            request = request.contentType(ContentType.JSON).body(cell.route().body());
        }
        Response response = cell.route().method().equals("POST") ? request.post(cell.route().path()) : request.get(cell.route().path());

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("code")).isEqualTo("unauthorized");
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("calcom_");
    }
}

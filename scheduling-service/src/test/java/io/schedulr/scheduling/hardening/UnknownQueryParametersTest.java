package io.schedulr.scheduling.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.schedulr.testsupport.OpenApiErrors;
import io.schedulr.testsupport.OpenApiErrors.Seen;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the OpenAPI document refuses a query parameter it does not take with {@code 400 unknown_parameter}, for a
 * signed-in caller (an admin, who may call every route), and says so in the document; without a token a signed-in route is
 * {@code 401} first. The parameters a route does take still work.
 */
@QuarkusTest
class UnknownQueryParametersTest {
    static final TestUser ADMIN = Tokens.newUserWithRoles("Query Admin", "UTC", "admin");

    record Operation(String method, String template, boolean signedIn) {
        String concrete() {
            return template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }
    }

    @SuppressWarnings("unchecked")
    static List<Operation> operations(String document) {
        Map<String, Object> paths = JsonPath.from(document).getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((template, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
            if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                Object security = ((Map<String, Object>) op).get("security");
                operations.add(new Operation(method.toUpperCase(), template, security != null && !((List<?>) security).isEmpty()));
            }
        }));
        return operations;
    }

    static Response call(Operation op, String target, TestUser caller) {
        var request = given().urlEncodingEnabled(false).contentType("application/json");
        if (caller != null) {
            request = request.header("Authorization", caller.bearer());
        }
        if (!op.method().equals("GET") && !op.method().equals("DELETE")) {
            request = request.body("{}");
        }
        return request.request(op.method(), target);
    }

    @Test
    void everyRouteRefusesAQueryParameterItDoesNotTakeAndTheDocumentSaysSo() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        List<Operation> operations = operations(document);
        assertThat(operations).as("the document's operations").hasSizeGreaterThan(40);

        List<Seen> seen = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            String target = op.concrete() + "?zz=1";
            Response answer = call(op, target, ADMIN);
            if (answer.statusCode() != 400 || !"unknown_parameter".equals(answer.jsonPath().getString("code"))
                    || !answer.jsonPath().getString("message").startsWith("Query parameter 'zz' is not part of this request")) {
                wrong.add(op.method() + " " + target + " → " + answer.statusCode() + " " + answer.asString());
            }
            seen.add(new Seen(op.method(), target, 400, "unknown_parameter"));
            if (op.signedIn()) {
                Response anonymous = call(op, target, null);
                if (anonymous.statusCode() != 401) {
                    wrong.add(op.method() + " " + target + " without a token → " + anonymous.statusCode() + " (401 expected first)");
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(OpenApiErrors.problems(document, seen)).isEmpty();
    }

    @Test
    void aMistypedParameterIsNamedWithTheOnesTheRouteTakesAndTheRightOnesStillWork() throws Exception {
        given().header("Authorization", ADMIN.bearer()).get("/api/practice-rooms?scope=mine&limt=5").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("unknown_parameter"))
                .body("message", org.hamcrest.Matchers.equalTo("Query parameter 'limt' is not part of this request; it takes fitsMyCalendar, limit, offset, scope."));
        given().header("Authorization", ADMIN.bearer()).get("/api/practice-rooms?scope=mine&limit=5&offset=0").then().statusCode(200);
        // empty segments name nothing (the framework's parsing drops them; REST Assured will not send them, the JDK's client does)
        HttpResponse<String> emptySegments = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/practice-rooms?&scope=mine&&limit=5"))
                .header("Authorization", ADMIN.bearer()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(emptySegments.statusCode()).as(emptySegments.body()).isEqualTo(200);
        given().header("Authorization", ADMIN.bearer()).get("/api/me/preferences?x").then().statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("it takes none"));
    }
}

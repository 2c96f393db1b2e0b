package io.schedulr.testsupport;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.schedulr.testsupport.OpenApiErrors.Seen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static io.restassured.RestAssured.given;

/**
 * A service's routes for signed-in callers, walked from its OpenAPI document (the operations that require the bearer
 * scheme), for the tests that every one of them refuses a query parameter it does not take — so a route added later is
 * checked without anyone listing it.
 */
public final class SignedInRoutes {
    private SignedInRoutes() {
    }

    /** {METHOD, path} of each such operation, its path templates filled in by {@code concrete} ("{uid}" → "abc123"). */
    @SuppressWarnings("unchecked")
    public static List<String[]> of(String openApiJson, UnaryOperator<String> concrete) {
        Map<String, Object> paths = JsonPath.from(openApiJson).getMap("paths");
        List<String[]> operations = new ArrayList<>();
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
            Object security = op instanceof Map<?, ?> m ? m.get("security") : null;
            if (List.of("get", "post", "put", "patch", "delete").contains(method) && security instanceof List<?> l && !l.isEmpty()) {
                operations.add(new String[]{method.toUpperCase(), concrete.apply(path)});
            }
        }));
        return operations;
    }

    /**
     * Asks each operation with {@code ?zz=1} (and a body of {@code {}}), with {@code bearer} and without a token: what
     * answered otherwise than {@code 400 unknown_parameter} and {@code 401}. Each refusal is added to {@code seen}, for
     * the check that the document names it.
     */
    public static List<String> notRefusingAnUnknownParameter(List<String[]> operations, String bearer, List<Seen> seen) {
        List<String> wrong = new ArrayList<>();
        for (String[] op : operations) {
            String target = op[1] + "?zz=1";
            Response answer = given().header("Authorization", bearer).contentType("application/json").body("{}").request(op[0], target);
            if (answer.statusCode() != 400 || !"unknown_parameter".equals(answer.jsonPath().getString("code"))) {
                wrong.add(op[0] + " " + target + " → " + answer.statusCode() + " " + answer.asString());
            }
            Response anonymous = given().contentType("application/json").body("{}").request(op[0], target);
            if (anonymous.statusCode() != 401) {
                wrong.add(op[0] + " " + target + " without a token → " + anonymous.statusCode());
            }
            seen.add(new Seen(op[0], target, 400, "unknown_parameter"));
        }
        return wrong;
    }
}

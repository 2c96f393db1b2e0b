package io.schedulr.testsupport;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jose4j.json.JsonUtil;
import org.jose4j.json.internal.json_simple.JSONAware;
import org.jose4j.json.internal.json_simple.JSONValue;
import org.jose4j.lang.JoseException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * Every operation a service's OpenAPI document lists, fed malformed, mistyped, oversized and out-of-range input — each
 * path parameter, each query parameter, the body as a whole and each of its fields (one level into nested objects) —
 * with a signed-in person's token. What no answer may be: a {@code 500}, a refusal that is not JSON with a {@code code},
 * or no answer within 10 s. (A deliberate {@code 503} with its code, a dependency down, is an answer.) The hand-written
 * bad-input tables say which code each input gets; this finds the inputs nobody wrote a row for.
 */
public final class OpenApiFuzz {
    /** A request whose answer broke the rule, as a person would retry it. */
    public record Finding(String request, String answer) {
        @Override
        public String toString() {
            return request + " → " + answer;
        }
    }

    private static final int TIMEOUT_MS = 10_000;
    private static final String HUGE = "x".repeat(70_000);
    private static final List<String> PATH_VALUES = List.of("x", "0", "-1", "00000000-0000-0000-0000-000000000000",
            "ABCDEF00-0000-4000-8000-000000000000", "a".repeat(3_000), "%E2%82%AC", "%00", "%ED%A0%80", "null", "1e9",
            "99999999999999999999");
    private static final List<String> TEXTS = List.of("", " ", "null", "\u0000", "\ud800", "ü漢字😀", "<script>x</script>",
            "'; drop table x;--", "-1", "99999999999999999999", "1e400", "NaN", "2030-02-30T10:00:00Z", "+999999999-12-31T23:59:59Z",
            "0000-01-01T00:00:00Z", "2030-01-15T10:00:00", "2030-01-15", "Europe/Nowhere", "a\r\nb", "a".repeat(3_000));
    /** JSON values put in place of one field, as written on the wire. */
    private static final List<String> VALUES;

    static {
        List<String> values = new ArrayList<>(List.of("null", "true", "0", "-1", "1.5", "2147483648", "9223372036854775808", "1e308",
                "[]", "[null]", "{}", "{\"a\":1}", "\"" + HUGE + "\"", "[" + "\"a@example.com\",".repeat(4_999) + "\"a@example.com\"]"));
        TEXTS.forEach(text -> values.add(jsonString(text)));
        VALUES = List.copyOf(values);
    }

    private static final List<String> BODIES = List.of("", "not json", "[]", "[1,2]", "null", "\"x\"", "1", "{", "{}",
            "[".repeat(3_000) + "]".repeat(3_000), "{\"a\":\"" + "x".repeat(1_500_000) + "\"}");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final Map<String, Object> document;
    private String bearer;
    private BiFunction<String, String, String> pathValues = (path, name) -> "x";
    private Predicate<String> skipped = operation -> false;
    private BiFunction<String, String, Map<String, String>> extraHeaders = (path, body) -> Map.of();
    private Runnable beforeEachRequest = () -> {
    };
    private int requests;

    private OpenApiFuzz(Map<String, Object> document) {
        this.document = document;
    }

    /** The service's document, as {@code GET /q/openapi?format=json} answers it in the running test application. */
    public static OpenApiFuzz ofRunningService() {
        String json = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        try {
            return new OpenApiFuzz(JsonUtil.parseJson(json));
        } catch (JoseException e) {
            throw new IllegalStateException("the OpenAPI document is not JSON", e);
        }
    }

    /** The caller's token ({@code Bearer …}); without one the requests go unauthenticated. */
    public OpenApiFuzz as(TestUser user) {
        this.bearer = user.bearer();
        return this;
    }

    /** A real value for a path parameter (path, parameter name), so the other inputs reach past the 404. */
    public OpenApiFuzz pathValues(BiFunction<String, String, String> values) {
        this.pathValues = values;
        return this;
    }

    /** Operations left out, as {@code "DELETE /api/calendar/connection"}. */
    public OpenApiFuzz skipping(Predicate<String> operations) {
        this.skipped = operations;
        return this;
    }

    /** Headers a route needs to look at its body at all (a webhook's signature over the exact body). */
    public OpenApiFuzz headers(BiFunction<String, String, Map<String, String>> byPathAndBody) {
        this.extraHeaders = byPathAndBody;
        return this;
    }

    /** Run before every request (e.g. a stand-in's rate limit reset, so that its pauses are not mistaken for hangs). */
    public OpenApiFuzz beforeEachRequest(Runnable action) {
        this.beforeEachRequest = action;
        return this;
    }

    /** How many requests the last {@link #run()} sent. */
    public int requests() {
        return requests;
    }

    /** Sends every variant of every operation (deletes last, so the others find what they aim at); what broke the rule. */
    public List<Finding> run() {
        requests = 0;
        List<Finding> findings = new ArrayList<>();
        for (Operation operation : operations()) {
            if (!skipped.test(operation.method() + " " + operation.path())) {
                fuzz(operation, findings);
            }
        }
        return findings;
    }

    private record Operation(String method, String path, List<String> pathParameters, Map<String, Object> queryParameters,
                             Map<String, Object> body) {
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        object(document.get("paths")).forEach((path, item) -> object(item).forEach((method, spec) -> {
            if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
                return;
            }
            Map<String, Object> operation = object(spec);
            List<String> inPath = new ArrayList<>();
            Map<String, Object> inQuery = new LinkedHashMap<>();
            for (Object p : list(operation.get("parameters"))) {
                Map<String, Object> parameter = object(resolve(p));
                if ("path".equals(parameter.get("in"))) {
                    inPath.add((String) parameter.get("name"));
                } else if ("query".equals(parameter.get("in"))) {
                    inQuery.put((String) parameter.get("name"), sample(parameter.get("schema"), 0));
                }
            }
            Object schema = object(object(object(operation.get("requestBody")).get("content")).get("application/json")).get("schema");
            Object body = schema == null ? null : sample(schema, 0);
            operations.add(new Operation(method.toUpperCase(), path, inPath, inQuery, body instanceof Map<?, ?> m ? cast(m) : null));
        }));
        operations.sort(Comparator.comparing(op -> op.method().equals("DELETE")));
        return operations;
    }

    private void fuzz(Operation op, List<Finding> findings) {
        Map<String, String> noPathOverride = Map.of();
        String body = op.body() == null ? null : JSONValue.toJSONString(op.body());
        send(op, noPathOverride, query(op, null, null), body, findings);
        for (String name : op.pathParameters()) {
            for (String value : PATH_VALUES) {
                send(op, Map.of(name, value), query(op, null, null), body, findings);
            }
        }
        for (String name : op.queryParameters().keySet()) {
            for (String value : TEXTS) {
                send(op, noPathOverride, query(op, name, value), body, findings);
            }
        }
        String query = query(op, null, null);
        send(op, noPathOverride, query + (query.isEmpty() ? "" : "&") + "unknownParameter=1", body, findings);
        if (op.method().equals("GET") || op.method().equals("DELETE")) {
            return;
        }
        for (String raw : BODIES) {
            send(op, noPathOverride, query(op, null, null), raw, findings);
        }
        if (op.body() == null) {
            return;
        }
        for (String field : op.body().keySet()) {
            for (String value : VALUES) {
                send(op, noPathOverride, query(op, null, null), JSONValue.toJSONString(with(op.body(), field, new Raw(value))), findings);
            }
            Object inner = op.body().get(field);
            Object first = inner instanceof List<?> l && !l.isEmpty() ? l.get(0) : inner;
            if (first instanceof Map<?, ?> nested) {
                for (String nestedField : cast(nested).keySet()) {
                    for (String value : VALUES) {
                        Map<String, Object> changed = with(cast(nested), nestedField, new Raw(value));
                        Object replacement = inner instanceof List<?> ? List.of(changed) : changed;
                        send(op, noPathOverride, query(op, null, null), JSONValue.toJSONString(with(op.body(), field, replacement)), findings);
                    }
                }
            }
        }
        send(op, noPathOverride, query(op, null, null), JSONValue.toJSONString(with(op.body(), "unknownField", 1)), findings);
    }

    private void send(Operation op, Map<String, String> pathOverride, String query, String body, List<Finding> findings) {
        beforeEachRequest.run();
        requests++;
        Matcher m = PARAMETER.matcher(op.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = pathOverride.containsKey(name) ? pathOverride.get(name) : encode(pathValues.apply(op.path(), name));
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        String url = path + (query.isEmpty() ? "" : "?" + query);
        String described = op.method() + " " + url + (body == null ? "" : " " + excerpt(body));
        RequestSpecification request = given().urlEncodingEnabled(false).config(RestAssuredConfig.config().httpClient(HttpClientConfig
                .httpClientConfig().setParam("http.socket.timeout", TIMEOUT_MS).setParam("http.connection.timeout", TIMEOUT_MS)))
                .redirects().follow(false);
        if (bearer != null) {
            request = request.header("Authorization", bearer);
        }
        extraHeaders.apply(op.path(), body == null ? "" : body).forEach(request::header);
        if (body != null) {
            request = request.contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
        }
        Response response;
        try {
            response = request.request(op.method(), url);
        } catch (Exception e) { // RestAssured rethrows the HTTP client's checked exceptions undeclared
            findings.add(new Finding(described, "no answer: " + e));
            return;
        }
        int status = response.statusCode();
        if (status < 400) {
            return;
        }
        String answer = response.asString();
        String contentType = Objects.requireNonNullElse(response.contentType(), "");
        boolean coded = contentType.startsWith("application/json") && answer.contains("\"code\"");
        if (status == 500 || !coded) {
            findings.add(new Finding(described, status + " " + contentType + " " + excerpt(answer)));
        }
    }

    private String query(Operation op, String changed, String value) {
        List<String> pairs = new ArrayList<>();
        op.queryParameters().forEach((name, sample) -> {
            Object v = name.equals(changed) ? value : sample;
            if (v != null) {
                pairs.add(encode(name) + "=" + encode(String.valueOf(v)));
            }
        });
        return String.join("&", pairs);
    }

    /** Percent-encodes as browsers do; a lone surrogate, which has no UTF-8 form, becomes the bytes a careless client would send. */
    private static String encode(String value) {
        if (value.codePoints().anyMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)) {
            return "%ED%A0%80";
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A JSON string with everything outside printable ASCII escaped, so a lone surrogate or a NUL reaches the server as written. */
    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private Object sample(Object schemaOrRef, int depth) {
        Map<String, Object> schema = object(resolve(schemaOrRef));
        if (schema.isEmpty() || depth > 5) {
            return null;
        }
        if (schema.containsKey("example")) {
            return schema.get("example");
        }
        if (!list(schema.get("examples")).isEmpty()) {
            return list(schema.get("examples")).get(0);
        }
        if (!list(schema.get("enum")).isEmpty()) {
            return list(schema.get("enum")).get(0);
        }
        for (String choice : List.of("oneOf", "anyOf", "allOf")) {
            if (!list(schema.get(choice)).isEmpty()) {
                return sample(list(schema.get(choice)).get(0), depth + 1);
            }
        }
        String type = String.valueOf(schema.get("type"));
        if (type.equals("object") || schema.containsKey("properties")) {
            Map<String, Object> sampled = new LinkedHashMap<>();
            object(schema.get("properties")).forEach((name, property) -> sampled.put(name, sample(property, depth + 1)));
            return sampled;
        }
        return switch (type) {
            case "array" -> {
                Object item = sample(schema.get("items"), depth + 1);
                yield item == null ? List.of() : List.of(item);
            }
            case "integer", "number" -> 1;
            case "boolean" -> false;
            case "string" -> "date-time".equals(schema.get("format")) ? "2030-03-01T10:00:00Z" : "text";
            default -> null;
        };
    }

    private Object resolve(Object node) {
        Object current = node;
        for (int i = 0; i < 10 && current instanceof Map<?, ?> m && m.get("$ref") instanceof String ref; i++) {
            Object target = document;
            for (String part : ref.substring(2).split("/")) {
                target = object(target).get(part);
            }
            current = target;
        }
        return current;
    }

    private static Map<String, Object> with(Map<String, Object> object, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        copy.put(field, value);
        return copy;
    }

    private static String excerpt(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", "?");
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…(" + text.length() + " chars)";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> m ? cast(m) : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    /** A JSON value written as it stands, in place of a field's sampled one. */
    private record Raw(String json) implements JSONAware {
        @Override
        public String toJSONString() {
            return json;
        }
    }
}

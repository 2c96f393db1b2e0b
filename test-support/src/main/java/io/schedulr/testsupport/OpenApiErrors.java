package io.schedulr.testsupport;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a service's OpenAPI document ({@code /q/openapi?format=json}) names the error answers a test has seen. The
 * convention every service follows: an operation's error response for status {@code S} has an
 * {@code application/json} body (the {@code {code, message}} error schema) whose {@code examples} are keyed by the
 * error code, e.g. {@code responses."409".content."application/json".examples.room_taken}. A test that observes
 * {@code 409 room_taken} on {@code POST /api/practice-room/{id}/book} asks {@link #problems} whether the document says so.
 */
public final class OpenApiErrors {
    /** An answer seen on a concrete request: {@code POST /api/practice-room/9f…/book → 409 room_taken}. */
    public record Seen(String method, String path, int status, String code) {
        @Override
        public String toString() {
            return method + " " + path + " → " + status + " " + code;
        }
    }

    private OpenApiErrors() {
    }

    /** One line per answer the document does not describe; empty when it describes them all. */
    public static List<String> problems(String openApiJson, List<Seen> seen) {
        Map<String, Object> document;
        try {
            document = JsonUtil.parseJson(openApiJson);
        } catch (JoseException e) {
            return List.of("the document is not JSON: " + e.getMessage());
        }
        Map<String, Object> paths = object(document.get("paths"));
        List<String> problems = new ArrayList<>();
        for (Seen answer : seen) {
            String concrete = answer.path().replaceFirst("[?#].*$", "");
            Optional<String> template = templateFor(paths, concrete, answer.method());
            if (template.isEmpty()) {
                problems.add("no operation in the document for " + answer);
                continue;
            }
            Map<String, Object> operation = object(object(paths.get(template.get())).get(answer.method().toLowerCase(Locale.ROOT)));
            Map<String, Object> response = object(object(operation.get("responses")).get(String.valueOf(answer.status())));
            if (response.isEmpty()) {
                problems.add("status " + answer.status() + " not described on " + answer.method() + " " + template.get() + " (seen " + answer + ")");
                continue;
            }
            Map<String, Object> examples = object(object(object(response.get("content")).get("application/json")).get("examples"));
            if (!examples.containsKey(answer.code())) {
                problems.add("code " + answer.code() + " not among the " + answer.status() + " examples " + examples.keySet() + " of "
                        + answer.method() + " " + template.get() + " (seen " + answer + ")");
            }
        }
        return problems;
    }

    /** The document's path template that matches {@code concrete} and has {@code method}; literal segments win over variables. */
    static Optional<String> templateFor(Map<String, Object> paths, String concrete, String method) {
        String[] actual = segments(concrete);
        return paths.keySet().stream()
                .filter(template -> object(paths.get(template)).containsKey(method.toLowerCase(Locale.ROOT)))
                .filter(template -> matches(segments(template), actual))
                .max(Comparator.comparingLong(template -> literalSegments(segments(template))));
    }

    private static boolean matches(String[] template, String[] actual) {
        if (template.length != actual.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            if (!isVariable(template[i]) && !template[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    private static long literalSegments(String[] template) {
        long literal = 0;
        for (String segment : template) {
            if (!isVariable(segment)) {
                literal++;
            }
        }
        return literal;
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static String[] segments(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}

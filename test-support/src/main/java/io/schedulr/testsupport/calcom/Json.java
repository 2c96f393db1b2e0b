package io.schedulr.testsupport.calcom;

import org.jose4j.json.JsonUtil;
import org.jose4j.json.internal.json_simple.JSONValue;
import org.jose4j.lang.JoseException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON in and out with the parser jose4j already brings, so the local Cal.com needs no JSON library of its own. */
final class Json {
    private Json() {
    }

    /** A JSON object; a body that is not one is the caller's 400. */
    static Map<String, Object> parseObject(String text) {
        if (text == null || text.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return JsonUtil.parseJson(text);
        } catch (JoseException | RuntimeException e) {
            throw CalcomError.badRequest("Request body is not a JSON object");
        }
    }

    static String write(Object value) {
        return JSONValue.toJSONString(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    static List<Object> list(Object value) {
        return value instanceof List<?> l ? new ArrayList<>(l) : null;
    }

    static String string(Object value) {
        return value instanceof String s ? s : null;
    }

    /** A whole number given as a JSON number or a numeric string, or null. */
    static Long number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue() == Math.rint(n.doubleValue()) ? n.longValue() : null;
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}

package io.schedulr.calcom.adapter.in.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.schedulr.kit.rest.ApiException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Reads the Cal.com routes' request bodies strictly and only here (the service's shared mapper also reads webhooks):
 * unknown fields, a number or boolean where text belongs, text or a fraction where a number belongs, a missing body
 * and trailing content are all refused. {@link com.fasterxml.jackson.core.JsonProcessingException}s go to service-kit's
 * {@code ErrorMappers}, which answer 400 naming the field.
 */
@Singleton
public class StrictBodies {
    private final ObjectMapper mapper;

    @Inject
    public StrictBodies(ObjectMapper shared) {
        ObjectMapper strict = shared.copy();
        strict.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        strict.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.DateTime)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        this.mapper = strict;
    }

    /** The body as {@code type}; an empty body or {@code null} is refused when {@code required}, else read as {@code {}}. */
    public <T> T read(byte[] body, Class<T> type, boolean required) throws IOException {
        ObjectReader reader = mapper.readerFor(type);
        if (body == null || body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            if (required) {
                throw ApiException.badRequest("invalid_request", "A JSON object is required as the body.");
            }
            return reader.readValue("{}");
        }
        T value = reader.readValue(body);
        if (value == null) {
            if (required) {
                throw ApiException.badRequest("invalid_request", "A JSON object is required as the body.");
            }
            return reader.readValue("{}");
        }
        return value;
    }
}

package io.schedulr.scheduling.adapter.in.rest.interview;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

import java.io.IOException;

/**
 * A whole JSON number that fits a long, nothing else: {@code "5"}, {@code 5.5} and {@code 1e30} are the wrong type
 * (400 {@code invalid_field} naming the field), where Jackson would convert or truncate them.
 */
public class StrictLong extends JsonDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        return (Long) ctxt.handleUnexpectedToken(Long.class, p);
    }
}

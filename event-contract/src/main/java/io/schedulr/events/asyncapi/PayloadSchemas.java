package io.schedulr.events.asyncapi;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON Schemas of the contract's records as Jackson writes them (the same introspection {@code EventCodec} relies on):
 * records become named object schemas in {@link #components()}, referenced by {@code $ref}; primitives are required and
 * never null, reference-typed fields may be null; enums list their values; {@link Instant}s are {@code date-time}
 * strings.
 */
public final class PayloadSchemas {
    static final String REF_PREFIX = "#/components/schemas/";

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
    private final Map<String, Object> components = new TreeMap<>();

    /** The schema of {@code type}; a record is added to {@link #components()} and answered with a {@code $ref}. */
    public Map<String, Object> schemaOf(Class<?> type) {
        return schemaOf(mapper.constructType(type));
    }

    /** Every record schema {@link #schemaOf} has met, by simple name. */
    public Map<String, Object> components() {
        return components;
    }

    private Map<String, Object> schemaOf(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw == String.class) {
            return schema("type", "string");
        }
        if (raw == int.class || raw == Integer.class) {
            return schema("type", "integer", "format", "int32");
        }
        if (raw == long.class || raw == Long.class) {
            return schema("type", "integer", "format", "int64");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return schema("type", "boolean");
        }
        if (raw == Instant.class) {
            return schema("type", "string", "format", "date-time");
        }
        if (raw.isEnum()) {
            Map<String, Object> schema = schema("type", "string");
            schema.put("enum", Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
            return schema;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Map<String, Object> schema = schema("type", "array");
            schema.put("items", schemaOf(type.getContentType()));
            return schema;
        }
        if (Map.class.isAssignableFrom(raw)) {
            Map<String, Object> schema = schema("type", "object");
            schema.put("additionalProperties", schemaOf(type.getContentType()));
            return schema;
        }
        if (raw.isRecord()) {
            return reference(type);
        }
        throw new IllegalArgumentException("no JSON Schema mapping for " + type + "; teach PayloadSchemas this type");
    }

    private Map<String, Object> reference(JavaType type) {
        String name = type.getRawClass().getSimpleName();
        if (!components.containsKey(name)) {
            components.put(name, Map.of()); // placeholder, so a record that contains itself terminates
            components.put(name, objectSchema(type));
        }
        return schema("$ref", REF_PREFIX + name);
    }

    private Map<String, Object> objectSchema(JavaType type) {
        BeanDescription description = mapper.getSerializationConfig().introspect(type);
        Map<String, Object> properties = new TreeMap<>();
        List<String> required = new ArrayList<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (!property.couldSerialize()) {
                continue;
            }
            JavaType propertyType = property.getPrimaryType();
            Map<String, Object> schema = schemaOf(propertyType);
            if (propertyType.isPrimitive()) {
                required.add(property.getName());
            } else {
                schema = nullable(schema);
            }
            properties.put(property.getName(), schema);
        }
        Map<String, Object> schema = schema("type", "object");
        schema.put("title", type.getRawClass().getSimpleName());
        schema.put("properties", properties);
        schema.put("required", required.stream().sorted().toList());
        return schema;
    }

    /** A value of the schema or {@code null}; a {@code $ref} cannot carry siblings, so it is wrapped in {@code oneOf}. */
    private static Map<String, Object> nullable(Map<String, Object> schema) {
        if (schema.containsKey("$ref")) {
            return schema("oneOf", List.of(schema, schema("type", "null")));
        }
        Map<String, Object> copy = new TreeMap<>(schema);
        copy.put("type", List.of(schema.get("type"), "null"));
        if (copy.get("enum") instanceof List<?> values) {
            List<Object> withNull = new ArrayList<>(values);
            withNull.add(null);
            copy.put("enum", withNull);
        }
        return copy;
    }

    static Map<String, Object> schema(Object... keyValues) {
        Map<String, Object> schema = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            schema.put((String) keyValues[i], keyValues[i + 1]);
        }
        return schema;
    }
}

package io.schedulr.events.asyncapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.TopicCatalog;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static io.schedulr.events.asyncapi.PayloadSchemas.schema;

/**
 * The AsyncAPI 3.0 document of our Kafka topics, built from the contract itself: one channel per topic of
 * {@link TopicCatalog}, one message per CloudEvents {@code type} (the {@link CloudEvent} envelope around the payload
 * record's schema), a {@code send} operation for the producer and a {@code receive} operation per consumer group, with
 * the Kafka bindings. Committed as {@code docs/asyncapi.json}; {@code AsyncApiDocumentTest} fails when it drifts.
 * <p>
 * Run {@code main} (or the test with {@code -Dasyncapi.write=true}) to print the document.
 */
public final class AsyncApiDocument {
    static final String KAFKA_BINDING_VERSION = "0.5.0";
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private static final Map<String, String> ENVELOPE_DESCRIPTIONS = Map.of(
            "specversion", "CloudEvents spec version",
            "id", "unique per event; consumers deduplicate on it (delivery is at least once)",
            "source", "the producing service",
            "type", "the event type; the .vN suffix is the payload version",
            "time", "when the change happened (UTC)",
            "subject", "the aggregate id; equals the Kafka key",
            "datacontenttype", "content type of data",
            "data", "the payload");

    private AsyncApiDocument() {
    }

    public static void main(String[] args) {
        System.out.println(json());
    }

    /** The document as stable JSON: keys sorted, two-space indent, LF line ends, trailing newline. */
    public static String json() {
        ObjectMapper mapper = new ObjectMapper()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(SerializationFeature.INDENT_OUTPUT);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return mapper.writer(printer).writeValueAsString(document()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("AsyncAPI document cannot be written: " + e.getMessage(), e);
        }
    }

    /** The document as nested maps and lists. */
    public static Map<String, Object> document() {
        PayloadSchemas schemas = new PayloadSchemas();
        Map<String, Object> channels = new TreeMap<>();
        Map<String, Object> operations = new TreeMap<>();
        Map<String, Object> messages = new TreeMap<>();
        for (TopicCatalog.Entry entry : TopicCatalog.entries()) {
            Map<String, Object> channelMessages = new TreeMap<>();
            for (TopicCatalog.EventType type : entry.types()) {
                messages.put(type.cloudEventType(), message(entry, type, schemas));
                channelMessages.put(type.cloudEventType(), schema("$ref", "#/components/messages/" + type.cloudEventType()));
            }
            channels.put(entry.topic(), channel(entry, channelMessages));
            operations.put(entry.producer() + ".send." + entry.topic(), operation("send", entry, entry.producer(),
                    entry.producer() + " publishes through its transactional outbox (at least once).", null));
            for (TopicCatalog.Consumer consumer : entry.consumers()) {
                operations.put(consumer.service() + ".receive." + entry.topic(), operation("receive", entry, consumer.service(),
                        consumer.service() + ": " + consumer.note() + ".", consumer.groupId()));
            }
        }
        Map<String, Object> info = schema(
                "title", "schedulr Kafka events",
                "version", "1.0.0",
                "description", "Generated from the event-contract module (io.schedulr.events.asyncapi.AsyncApiDocument); do not edit by hand. "
                        + "Every record value is a CloudEvents 1.0 structured-mode JSON event. Fields not listed as required may be null. "
                        + "Versioning: additive fields keep the type's .vN suffix (consumers ignore unknown fields); a breaking change gets a new suffix. "
                        + "Prose and examples: docs/events.md.");
        Map<String, Object> components = schema("messages", messages, "schemas", schemas.components());
        return schema(
                "asyncapi", "3.0.0",
                "info", info,
                "defaultContentType", CONTENT_TYPE,
                "channels", channels,
                "operations", operations,
                "components", components);
    }

    private static Map<String, Object> channel(TopicCatalog.Entry entry, Map<String, Object> messages) {
        return schema(
                "address", entry.topic(),
                "title", entry.topic(),
                "description", entry.summary() + " Key: " + entry.key() + ".",
                "messages", messages,
                "bindings", schema("kafka", schema("topic", entry.topic(), "bindingVersion", KAFKA_BINDING_VERSION)));
    }

    private static Map<String, Object> operation(String action, TopicCatalog.Entry entry, String service, String description, String groupId) {
        List<Object> messageRefs = new ArrayList<>();
        for (TopicCatalog.EventType type : entry.types()) {
            messageRefs.add(schema("$ref", "#/channels/" + entry.topic() + "/messages/" + type.cloudEventType()));
        }
        Map<String, Object> operation = schema(
                "action", action,
                "channel", schema("$ref", "#/channels/" + entry.topic()),
                "title", service + " " + action + "s " + entry.topic(),
                "description", description,
                "messages", messageRefs,
                "x-service", service);
        if (groupId != null) {
            operation.put("bindings", schema("kafka", schema(
                    "groupId", schema("type", "string", "enum", List.of(groupId)),
                    "bindingVersion", KAFKA_BINDING_VERSION)));
        }
        return operation;
    }

    private static Map<String, Object> message(TopicCatalog.Entry entry, TopicCatalog.EventType type, PayloadSchemas schemas) {
        return schema(
                "name", type.name(),
                "title", title(type.name()),
                "summary", type.cloudEventType() + " on " + entry.topic() + ", payload " + entry.payload().getSimpleName(),
                "contentType", CONTENT_TYPE,
                "headers", schema("type", "object", "properties", schema("content-type", schema("type", "string", "const", CONTENT_TYPE))),
                "payload", envelope(entry, type, schemas),
                "bindings", schema("kafka", schema(
                        "key", schema("type", "string", "description", entry.key()),
                        "bindingVersion", KAFKA_BINDING_VERSION)));
    }

    /**
     * The {@link CloudEvent} record's components, with this message's fixed values and {@code data} as the payload record;
     * every producer fills them all ({@link CloudEvent#of}).
     */
    private static Map<String, Object> envelope(TopicCatalog.Entry entry, TopicCatalog.EventType type, PayloadSchemas schemas) {
        Map<String, Object> properties = new TreeMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : CloudEvent.class.getRecordComponents()) {
            Map<String, Object> property = component.getGenericType() instanceof TypeVariable<?>
                    ? new TreeMap<>(schemas.schemaOf(entry.payload()))
                    : new TreeMap<>(schemas.schemaOf(component.getType()));
            String description = ENVELOPE_DESCRIPTIONS.get(component.getName());
            if (description != null && !property.containsKey("$ref")) {
                property.put("description", description);
            }
            switch (component.getName()) {
                case "specversion" -> property.put("const", CloudEvent.SPEC_VERSION);
                case "type" -> property.put("const", type.cloudEventType());
                case "datacontenttype" -> property.put("const", CloudEvent.JSON);
                case "source" -> property.put("examples", List.of("/" + entry.producer()));
                default -> {
                }
            }
            properties.put(component.getName(), property);
            required.add(component.getName());
        }
        return schema(
                "type", "object",
                "title", "CloudEvent<" + entry.payload().getSimpleName() + ">",
                "properties", properties,
                "required", required.stream().sorted().toList());
    }

    private static String title(String constant) {
        String words = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

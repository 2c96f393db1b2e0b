package io.schedulr.events.asyncapi;

import io.schedulr.events.BookingEventType;
import io.schedulr.events.CalendarConnectionEventType;
import io.schedulr.events.InterviewEventType;
import io.schedulr.events.RoomCommandType;
import io.schedulr.events.RoomEventType;
import io.schedulr.events.ReminderPreferencesEvent;
import io.schedulr.events.RoomMirrorFailure;
import io.schedulr.events.Topics;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncApiDocumentTest {
    /** The committed document, relative to this module (Surefire runs in the module's directory). */
    private static final Path COMMITTED = Path.of("..", "docs", "asyncapi.json");

    @Test
    void committedDocumentIsTheGeneratedOne() throws IOException {
        String generated = AsyncApiDocument.json();
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertThat(firstDifference(committed, generated))
                .as("docs/asyncapi.json is not what the event contract generates; refresh it with "
                        + "./mvnw -B -o test -pl event-contract -Dtest=AsyncApiDocumentTest -Dasyncapi.write=true and commit it")
                .isEmpty();
    }

    @Test
    void everyTopicIsAChannelAddressedByItsName() throws IllegalAccessException {
        Map<String, Object> channels = object(AsyncApiDocument.document().get("channels"));
        for (String topic : topics()) {
            assertThat(channels).as("channel for topic " + topic).containsKey(topic);
            assertThat(object(channels.get(topic))).containsEntry("address", topic);
        }
    }

    @Test
    void everyEventTypeIsAMessageOnItsTopic() {
        Map<String, Object> document = AsyncApiDocument.document();
        Map<String, Object> messages = object(object(document.get("components")).get("messages"));
        Map<String, Object> channels = object(document.get("channels"));
        assertThat(messages.keySet()).containsExactlyInAnyOrderElementsOf(allCloudEventTypes());
        assertThat(object(object(channels.get(Topics.ROOM_EVENTS)).get("messages")))
                .containsOnlyKeys(cloudEventTypes(RoomEventType.values(), RoomEventType::cloudEventType));
        assertThat(object(object(channels.get(Topics.CALENDAR_MIRROR_FAILURES)).get("messages")))
                .containsOnlyKeys(RoomMirrorFailure.CLOUD_EVENT_TYPE);
        Map<String, Object> booked = object(object(messages.get(RoomEventType.ROOM_BOOKED.cloudEventType())).get("payload"));
        assertThat(object(object(booked.get("properties")).get("type"))).containsEntry("const", RoomEventType.ROOM_BOOKED.cloudEventType());
        assertThat(object(object(booked.get("properties")).get("data"))).containsEntry("$ref", "#/components/schemas/RoomEvent");
    }

    @Test
    void recordFieldsAppearWithTheirTypes() {
        Map<String, Object> schemas = object(object(AsyncApiDocument.document().get("components")).get("schemas"));
        Map<String, Object> room = object(object(schemas.get("RoomEvent")).get("properties"));
        assertThat(room).containsKeys("roomId", "icsUid", "sequence", "startUtc", "offeredTo", "host", "guest");
        assertThat(object(room.get("startUtc"))).containsEntry("format", "date-time");
        assertThat(object(room.get("sequence"))).containsEntry("type", "integer");
        assertThat(object(schemas.get("RoomEvent")).get("required")).isEqualTo(List.of("privateRoom", "sequence"));

        Map<String, Object> booking = object(object(schemas.get("BookingEvent")).get("properties"));
        assertThat(object(booking.get("attendees")).get("type")).isEqualTo(List.of("array", "null"));
        assertThat(object(object(booking.get("attendees")).get("items"))).containsEntry("$ref", "#/components/schemas/BookingPerson");
        assertThat(object(object(booking.get("metadata")).get("additionalProperties"))).containsEntry("type", "string");

        Map<String, Object> person = object(object(schemas.get("InterviewPerson")).get("properties"));
        assertThat(object(person.get("kind")).get("enum")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactly("PRIMARY_INTERVIEWER", "TEAM_MEMBER", "CONTACT", "GUEST", null);
        assertThat(person).as("@JsonIgnore'd accessors are not on the wire").doesNotContainKey("team");
    }

    @Test
    void aRecordFieldShowsUpInItsSchema() {
        PayloadSchemas schemas = new PayloadSchemas();
        schemas.schemaOf(Probe.class);
        Map<String, Object> probe = object(schemas.components().get("Probe"));
        assertThat(object(probe.get("properties"))).containsOnlyKeys("added", "count");
        assertThat(probe.get("required")).isEqualTo(List.of("count"));
    }

    @Test
    void producersAndConsumerGroupsAreOperations() {
        Map<String, Object> operations = object(AsyncApiDocument.document().get("operations"));
        assertThat(object(operations.get("calcom-gateway.send." + Topics.CALCOM_BOOKINGS))).containsEntry("action", "send");
        Map<String, Object> receive = object(operations.get("notification-service.receive." + Topics.ROOM_EVENTS));
        assertThat(receive).containsEntry("action", "receive");
        assertThat(object(object(object(receive.get("bindings")).get("kafka")).get("groupId"))).containsEntry("enum", List.of("notification-service"));
    }

    /** The first line that differs, as "line N: committed … / generated …"; empty when the texts are equal. */
    private static String firstDifference(String committed, String generated) {
        if (committed.equals(generated)) {
            return "";
        }
        List<String> left = committed.lines().toList();
        List<String> right = generated.lines().toList();
        int line = 0;
        while (line < left.size() && line < right.size() && left.get(line).equals(right.get(line))) {
            line++;
        }
        String was = line < left.size() ? left.get(line).strip() : "(end of file)";
        String is = line < right.size() ? right.get(line).strip() : "(end of file)";
        return "line " + (line + 1) + ": committed " + was + " / generated " + is;
    }

    record Probe(String added, int count) {
    }

    private static List<String> topics() throws IllegalAccessException {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                topics.add((String) field.get(null));
            }
        }
        assertThat(topics).isNotEmpty();
        return topics;
    }

    private static List<String> allCloudEventTypes() {
        return Stream.of(
                        cloudEventTypes(RoomEventType.values(), RoomEventType::cloudEventType),
                        cloudEventTypes(CalendarConnectionEventType.values(), CalendarConnectionEventType::cloudEventType),
                        cloudEventTypes(BookingEventType.values(), BookingEventType::cloudEventType),
                        cloudEventTypes(RoomCommandType.values(), RoomCommandType::cloudEventType),
                        cloudEventTypes(InterviewEventType.values(), InterviewEventType::cloudEventType),
                        List.of(RoomMirrorFailure.CLOUD_EVENT_TYPE, ReminderPreferencesEvent.CLOUD_EVENT_TYPE))
                .flatMap(List::stream).toList();
    }

    private static <E> List<String> cloudEventTypes(E[] values, Function<E, String> type) {
        return Arrays.stream(values).map(type).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}

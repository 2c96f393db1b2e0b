package io.schedulr.notification.support;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.Participant;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.events.Topics;
import io.schedulr.testsupport.KafkaRecords;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.TopicProbe;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Publishes room events to the real broker as scheduling-service would: CloudEvents JSON, key = room id. */
public final class RoomEvents {
    public static final String DEAD_LETTER_TOPIC = "notification.dead-letter.v1";

    private RoomEvents() {
    }

    public static synchronized void ensureTopics() {
        TopicProbe.ensureTopic(Topics.ROOM_EVENTS, 3);
        TopicProbe.ensureTopic(DEAD_LETTER_TOPIC, 1);
    }

    public static CloudEvent<RoomEvent> event(RoomEventType type, String roomId, int sequence, Instant start, TestUser host, TestUser guest) {
        return event(type, roomId, roomId + "@rooms.schedulr.test", sequence, start, host, guest);
    }

    /** A room event of one meeting of the room: after a release the room is booked again under a new invitation UID. */
    public static CloudEvent<RoomEvent> event(RoomEventType type, String roomId, String icsUid, int sequence, Instant start, TestUser host,
                                              TestUser guest) {
        RoomEvent data = new RoomEvent(roomId, icsUid, sequence, start, start.plus(45, ChronoUnit.MINUTES),
                "Cello lesson", "https://rooms.schedulr.test/" + roomId, false, type.name(), participant(host), participant(guest));
        return CloudEvent.of(UUID.randomUUID().toString(), "/scheduling-service", type.cloudEventType(), Instant.now(), roomId, data);
    }

    public static Participant participant(TestUser user) {
        return user == null ? null : new Participant(user.id(), user.email(), user.name(), user.timeZone());
    }

    /** Room ids are UUIDs, as scheduling-service makes them. */
    public static String newRoomId() {
        return UUID.randomUUID().toString();
    }

    /** Sends and waits for the broker's acknowledgement. */
    public static RecordMetadata publish(CloudEvent<RoomEvent> event) {
        return publishRaw(event.data().roomId(), EventCodec.encode(event));
    }

    /** As scheduling-service's outbox relay sends it (with its content-type header). */
    public static RecordMetadata publishRaw(String key, String value) {
        return KafkaRecords.publish(Topics.ROOM_EVENTS, key, value);
    }

    /** Waits until the notification-service consumer group has committed past this record (so it was fully handled). */
    public static void awaitConsumed(RecordMetadata record) {
        KafkaRecords.awaitConsumed(record, "notification-service");
    }

    /**
     * Onto one partition of the topic, with any key (also none) and any body (also {@code null} for a record without a
     * value), so a test can put records one behind the other whatever their keys. Waits for the broker's acknowledgement.
     */
    public static RecordMetadata publishTo(int partition, String key, String value) {
        return KafkaRecords.publishTo(Topics.ROOM_EVENTS, partition, key, value);
    }
}

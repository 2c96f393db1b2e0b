package io.schedulr.scheduling.calendar;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.RoomCommand;
import io.schedulr.events.RoomCommandType;
import io.schedulr.events.Topics;
import io.schedulr.testsupport.KafkaRecords;
import io.schedulr.testsupport.TopicProbe;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Instant;
import java.util.UUID;

/** Publishes room commands to the real broker as calendar-sync-service's outbox relay does: CloudEvents JSON, key = room id. */
final class RoomCommandRecords {
    static final String CONSUMER_GROUP = "scheduling-room-commands";

    private RoomCommandRecords() {
    }

    static void ensureTopic() {
        TopicProbe.ensureTopic(Topics.ROOM_COMMANDS, 3);
    }

    static RecordMetadata reschedule(String roomId, String actorId, Instant newStart, Instant newEnd, int sequence) {
        return publish(RoomCommandType.RESCHEDULE_ROOM, new RoomCommand(roomId, null, actorId, newStart, newEnd, sequence, Instant.now()));
    }

    static RecordMetadata cancel(String roomId, String actorId, int sequence) {
        return publish(RoomCommandType.CANCEL_ROOM, new RoomCommand(roomId, null, actorId, null, null, sequence, Instant.now()));
    }

    static RecordMetadata release(String roomId, String icsUid, String actorId, int sequence) {
        return publish(RoomCommandType.RELEASE_BOOKING, new RoomCommand(roomId, icsUid, actorId, null, null, sequence, Instant.now()));
    }

    static RecordMetadata publish(RoomCommandType type, RoomCommand command) {
        return publishRaw(command.roomId(), EventCodec.encode(CloudEvent.of(UUID.randomUUID().toString(), "/calendar-sync-service",
                type.cloudEventType(), command.observedAt(), command.roomId(), command)));
    }

    /** Sends and waits for the broker's acknowledgement. */
    static RecordMetadata publishRaw(String key, String value) {
        return KafkaRecords.publish(Topics.ROOM_COMMANDS, key, value);
    }

    /** Waits until scheduling-service's consumer group has committed past this record, so it was handled. */
    static void awaitConsumed(RecordMetadata record) {
        KafkaRecords.awaitConsumed(record, CONSUMER_GROUP);
    }
}

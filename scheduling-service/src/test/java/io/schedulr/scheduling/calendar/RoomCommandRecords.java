package io.schedulr.scheduling.calendar;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.RoomCommand;
import io.schedulr.events.RoomCommandType;
import io.schedulr.events.Topics;
import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.TopicProbe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Publishes room commands to the real broker as calendar-sync-service's outbox relay does: CloudEvents JSON, key = room id. */
final class RoomCommandRecords {
    static final String CONSUMER_GROUP = "scheduling-room-commands";
    private static KafkaProducer<String, String> producer;

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
    static synchronized RecordMetadata publishRaw(String key, String value) {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ROOM_COMMANDS, key, value);
            record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + Topics.ROOM_COMMANDS, e);
        }
    }

    /** Waits until scheduling-service's consumer group has committed past this record, so it was handled. */
    static void awaitConsumed(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(CONSUMER_GROUP)
                        .partitionsToOffsetAndMetadata().get();
                OffsetAndMetadata committed = offsets.get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }
}

package io.schedulr.notification.support;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomMirrorFailure;
import io.schedulr.events.Topics;
import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.TestUser;
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

/**
 * Publishes what calendar-sync-service publishes for notification-service, to the real broker: room mirror failures
 * (key = room id), CloudEvents JSON.
 */
public final class CalendarEvents {
    public static final String MIRROR_FAILURES_GROUP = "notification-mirror-failures";
    private static KafkaProducer<String, String> producer;

    private CalendarEvents() {
    }

    public static synchronized void ensureTopics() {
        TopicProbe.ensureTopic(Topics.CALENDAR_MIRROR_FAILURES, 3);
    }

    /** calendar-sync-service announces that Google will not tell the participants of this room change (the room event as published). */
    public static CloudEvent<RoomMirrorFailure> mirrorFailure(CloudEvent<RoomEvent> roomEvent, String reason) {
        return CloudEvent.of(UUID.randomUUID().toString(), "/calendar-sync-service", RoomMirrorFailure.CLOUD_EVENT_TYPE, Instant.now(),
                roomEvent.data().roomId(), new RoomMirrorFailure(roomEvent.type(), reason, roomEvent.data()));
    }

    public static RecordMetadata publishFailure(CloudEvent<RoomMirrorFailure> failure) {
        return publish(Topics.CALENDAR_MIRROR_FAILURES, failure.data().room().roomId(), EventCodec.encode(failure));
    }

    public static RecordMetadata publish(String topic, String key, String value) {
        return publish(topic, key, value, Map.of());
    }

    /** With extra record headers (e.g. a W3C {@code traceparent}, as scheduling-service's relay sends it). */
    public static synchronized RecordMetadata publish(String topic, String key, String value, Map<String, String> headers) {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
            headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Waits until the consumer group has committed past this record (so it was fully handled). */
    public static void awaitConsumed(RecordMetadata record, String group) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                OffsetAndMetadata committed = offsets.get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }
}

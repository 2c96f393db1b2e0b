package io.schedulr.scheduling.calendar;

import io.schedulr.events.CalendarConnectionEvent;
import io.schedulr.events.CalendarConnectionEventType;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
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

/** Publishes calendar connection events to the real broker as calendar-sync-service's outbox relay does: CloudEvents JSON, key = user id. */
final class CalendarConnectionEvents {
    static final String CONSUMER_GROUP = "scheduling-calendar-connections";
    private static KafkaProducer<String, String> producer;

    private CalendarConnectionEvents() {
    }

    static void ensureTopic() {
        TopicProbe.ensureTopic(Topics.CALENDAR_CONNECTIONS, 3);
    }

    static RecordMetadata connected(TestUser user, Instant at) {
        return publish(event(CalendarConnectionEventType.CALENDAR_CONNECTED, user,
                CalendarConnectionEvent.CONNECTED, null, "schedulr-" + user.id() + "@group.calendar.google.com", at));
    }

    static RecordMetadata disconnected(TestUser user, String status, String reason, Instant at) {
        return publish(event(CalendarConnectionEventType.CALENDAR_DISCONNECTED, user, status, reason, null, at));
    }

    static CloudEvent<CalendarConnectionEvent> event(CalendarConnectionEventType type, TestUser user, String status, String reason,
                                                     String calendarId, Instant at) {
        return CloudEvent.of(UUID.randomUUID().toString(), "/calendar-sync-service", type.cloudEventType(), at, user.id(),
                new CalendarConnectionEvent(user.id(), user.email(), status, reason, calendarId));
    }

    static RecordMetadata publish(CloudEvent<CalendarConnectionEvent> event) {
        return publishRaw(event.data().userId(), EventCodec.encode(event));
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
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CALENDAR_CONNECTIONS, key, value);
            record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + Topics.CALENDAR_CONNECTIONS, e);
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

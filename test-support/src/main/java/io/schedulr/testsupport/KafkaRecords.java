package io.schedulr.testsupport;

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
import java.util.concurrent.ExecutionException;

/**
 * Records onto the test JVM's broker as the services' outbox relays send them (CloudEvents JSON), and waiting until a
 * consumer group has handled one. One producer and one admin client per JVM (class loader): opening an admin client for
 * every wait cost a connection and a metadata round each time.
 */
public final class KafkaRecords {
    private static final Duration CONSUMED_WITHIN = Duration.ofSeconds(60);
    private static KafkaProducer<String, String> producer;
    private static Admin admin;

    private KafkaRecords() {
    }

    /** Sends and waits for the broker's acknowledgement. */
    public static RecordMetadata publish(String topic, String key, String value) {
        return publish(topic, key, value, Map.of());
    }

    /** With extra record headers (e.g. a W3C {@code traceparent}, as the relays send it). */
    public static RecordMetadata publish(String topic, String key, String value, Map<String, String> headers) {
        return send(new ProducerRecord<>(topic, key, value), headers);
    }

    /**
     * Onto one partition of the topic, with any key (also none) and any body (also {@code null} for a record without a
     * value), so a test can put records one behind the other whatever their keys.
     */
    public static RecordMetadata publishTo(String topic, int partition, String key, String value) {
        return send(new ProducerRecord<>(topic, partition, key, value), Map.of());
    }

    private static RecordMetadata send(ProducerRecord<String, String> record, Map<String, String> headers) {
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        try {
            return producer().send(record).get();
        } catch (Exception e) {
            String where = record.topic() + (record.partition() == null ? "" : "-" + record.partition());
            throw new IllegalStateException("could not publish to " + where, e);
        }
    }

    /** Waits until the consumer group has committed past this record, so it was handled. */
    public static void awaitConsumed(RecordMetadata record, String group) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Instant deadline = Instant.now().plus(CONSUMED_WITHIN);
        try {
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                OffsetAndMetadata committed = offsets.get(partition);
                if (committed != null && committed.offset() > record.offset()) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("group " + group + " did not commit past " + partition + "@" + record.offset() + " within "
                            + CONSUMED_WITHIN + " (committed: " + committed + ")");
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the offsets of group " + group, e);
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    private static synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers()));
        }
        return admin;
    }
}

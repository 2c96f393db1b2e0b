package io.schedulr.notification.adapter.in.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.schedulr.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts records that are not valid room events on the dead-letter topic, unchanged, with headers saying where they came
 * from and why they were rejected. Waits for the broker's acknowledgement, so the source offset is committed only after.
 */
@ApplicationScoped
public class DeadLetterPublisher {
    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);
    public static final String REASON = "dead-letter-reason";
    public static final String ORIGINAL_TOPIC = "dead-letter-topic";
    public static final String ORIGINAL_PARTITION = "dead-letter-partition";
    public static final String ORIGINAL_OFFSET = "dead-letter-offset";

    @Inject
    NotificationConfig config;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaProducer<String, byte[]> producer;

    public void publish(ConsumerRecord<String, byte[]> record, String reason) {
        String topic = config.consumer().deadLetterTopic();
        LOG.warnf("dead-lettering %s-%d@%d to %s: %s", record.topic(), record.partition(), record.offset(), topic, reason);
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topic, record.key(), record.value());
        dead.headers().add(REASON, bytes(reason == null ? "unknown" : reason));
        dead.headers().add(ORIGINAL_TOPIC, bytes(record.topic()));
        dead.headers().add(ORIGINAL_PARTITION, bytes(String.valueOf(record.partition())));
        dead.headers().add(ORIGINAL_OFFSET, bytes(String.valueOf(record.offset())));
        try {
            producer().send(dead).get(90, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dead-letter topic " + topic + " not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ProducerConfig.CLIENT_ID_CONFIG, "notification-service-dead-letter");
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    synchronized void onStop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
            producer = null;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package io.schedulr.scheduling.adapter.in.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.MalformedEventException;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.Topics;
import io.schedulr.scheduling.adapter.out.messaging.KafkaClients;
import io.schedulr.scheduling.config.SchedulingConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Feeds the live stream from the Kafka topic, not from in-process calls, so every replica sees every change.
 * Each replica reads all partitions from "now" with no consumer group (nothing to commit, no rebalancing).
 */
@ApplicationScoped
public class RoomEventHub {
    private static final Logger LOG = Logger.getLogger(RoomEventHub.class);

    @Inject
    KafkaClients kafka;
    @Inject
    SchedulingConfig config;

    private final BroadcastProcessor<CloudEvent<RoomEvent>> processor = BroadcastProcessor.create();
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        thread = new Thread(this::run, "room-event-hub");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    /** Room events from the moment of subscription on. */
    public Multi<CloudEvent<RoomEvent>> events() {
        return processor;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> c = newConsumer()) {
                consumer = c;
                kafka.ensureTopic(Topics.ROOM_EVENTS, config.events().partitions());
                List<TopicPartition> partitions = c.partitionsFor(Topics.ROOM_EVENTS, Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                c.assign(partitions);
                c.seekToEnd(partitions);
                partitions.forEach(c::position);
                LOG.infof("live room stream reading %d partition(s) of %s", partitions.size(), Topics.ROOM_EVENTS);
                while (running) {
                    for (ConsumerRecord<String, String> record : c.poll(Duration.ofMillis(500))) {
                        publish(record);
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("live room stream lost Kafka (%s); retrying in 2 s", e.toString());
                sleep();
            }
        }
    }

    private void publish(ConsumerRecord<String, String> record) {
        try {
            processor.onNext(EventCodec.decodeRoomEvent(record.value()));
        } catch (MalformedEventException e) {
            LOG.warnf("skipping malformed record at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private KafkaConsumer<String, String> newConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, "scheduling-room-stream",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    }

    private void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

package io.schedulr.notification.adapter.in.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.MalformedEventException;
import io.schedulr.events.Participant;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.notification.application.port.in.HandleRoomChangeCommand;
import io.schedulr.notification.application.port.in.HandleRoomChangeUseCase;
import io.schedulr.notification.config.NotificationConfig;
import io.schedulr.notification.domain.InvalidRoomChangeException;
import io.schedulr.notification.domain.Person;
import io.schedulr.notification.domain.RoomChangeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Consumes {@code scheduling.room-events.v1} on its own thread with a plain KafkaConsumer. Each record is fully handled
 * (mails durably queued, or the record dead-lettered) before its offset is committed, so a crash replays it and the
 * consumed_event table makes the replay harmless. Records of one partition (so of one room) are handled in order;
 * when a record fails for an infrastructure reason, only its partition is rewound and retried after a pause.
 */
@ApplicationScoped
public class RoomEventsConsumer {
    private static final Logger LOG = Logger.getLogger(RoomEventsConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    @Inject
    HandleRoomChangeUseCase handleRoomChange;
    @Inject
    DeadLetterPublisher deadLetters;
    @Inject
    NotificationConfig config;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    void onStart(@Observes StartupEvent event) {
        if (!config.consumer().enabled()) {
            LOG.info("room event consumer disabled (notification.consumer.enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::run, "room-events-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the consumer thread runs (or was turned off on purpose). */
    public boolean healthy() {
        return !config.consumer().enabled() || (thread != null && thread.isAlive());
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Duration backoff = config.consumer().retryBackoff();
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProperties())) {
                consumer = c;
                c.subscribe(List.of(config.consumer().topic()));
                LOG.infof("consuming %s as group %s", config.consumer().topic(), config.consumer().groupId());
                while (running) {
                    boolean failed = pollOnce(c);
                    if (failed) {
                        sleep(backoff);
                        backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
                    } else {
                        backoff = config.consumer().retryBackoff();
                    }
                }
            } catch (WakeupException e) {
                if (running) {
                    LOG.warn("room event consumer woken up unexpectedly; restarting it");
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "room event consumer failed; restarting it in %s", backoff);
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
            } finally {
                consumer = null;
            }
        }
        LOG.info("room event consumer stopped");
    }

    /** @return whether some record could not be handled and its partition was rewound */
    private boolean pollOnce(KafkaConsumer<String, byte[]> c) {
        ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
        if (records.isEmpty()) {
            return false;
        }
        boolean failed = false;
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                try {
                    handle(record);
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                } catch (RuntimeException e) {
                    Throwable root = e;
                    while (root.getCause() != null && root.getCause() != root) {
                        root = root.getCause();
                    }
                    LOG.warnf("could not handle %s-%d@%d (%s; cause: %s); retrying the partition from there", record.topic(),
                            record.partition(), record.offset(), e, root);
                    c.seek(partition, record.offset());
                    failed = true;
                    break;
                }
            }
        }
        if (!done.isEmpty()) {
            try {
                c.commitSync(done);
            } catch (RuntimeException e) {
                if (e instanceof WakeupException) {
                    throw e;
                }
                // Not fatal: the records come again and are recognised as consumed.
                LOG.warnf("offset commit failed (%s); the handled records will be seen again and skipped", e.toString());
            }
        }
        return failed;
    }

    /** Throws only for failures worth retrying (database or Kafka unreachable); bad records are dead-lettered. */
    void handle(ConsumerRecord<String, byte[]> record) {
        CloudEvent<RoomEvent> event;
        try {
            event = EventCodec.decodeRoomEvent(record.value());
        } catch (MalformedEventException e) {
            deadLetters.publish(record, e.getMessage());
            return;
        }
        RoomEventType type = RoomEventType.fromCloudEventType(event.type()).orElseThrow();
        if (!type.notifiesParticipants()) {
            LOG.debugf("event %s (%s) notifies nobody", event.id(), event.type());
            return;
        }
        try {
            HandleRoomChangeUseCase.Outcome outcome = handleRoomChange.handle(toCommand(event, type)).await().atMost(Duration.ofSeconds(30));
            LOG.infof("event %s (%s, room %s, sequence %d): %s", event.id(), type, event.data().roomId(), event.data().sequence(), outcome);
        } catch (InvalidRoomChangeException e) {
            deadLetters.publish(record, "event " + event.id() + ": " + e.getMessage());
        }
    }

    private static HandleRoomChangeCommand toCommand(CloudEvent<RoomEvent> event, RoomEventType type) {
        RoomEvent d = event.data();
        RoomChangeKind kind = switch (type) {
            case ROOM_BOOKED -> RoomChangeKind.BOOKED;
            case ROOM_RESCHEDULED -> RoomChangeKind.RESCHEDULED;
            case ROOM_CANCELLED -> RoomChangeKind.CANCELLED;
            default -> RoomChangeKind.OTHER;
        };
        return new HandleRoomChangeCommand(event.id(), kind, d.roomId(), d.icsUid(), d.sequence(), d.startUtc(), d.endUtc(), d.title(),
                d.roomUrl(), person(d.host()), person(d.guest()));
    }

    private static Person person(Participant p) {
        if (p == null || p.email() == null || p.email().isBlank()) {
            return null;
        }
        return new Person(p.email(), p.name(), p.timeZone());
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.consumer().groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "notification-service-room-events");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "10000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

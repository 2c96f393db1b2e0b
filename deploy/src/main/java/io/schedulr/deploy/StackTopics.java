package io.schedulr.deploy;

import io.schedulr.events.TopicCatalog;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every topic of the event contract, created before the services start, as the Kubernetes rollout does with its
 * KafkaTopics. Without it the broker creates each topic when a consumer first asks for it, and every service's first
 * start logs unknown-topic warnings until then.
 */
final class StackTopics {
    /** As many as the broker gives a topic it creates itself (test-support's {@code num.partitions}). */
    static final int PARTITIONS = 3;

    private StackTopics() {
    }

    static void create(String bootstrapServers) throws StackException {
        List<NewTopic> topics = TopicCatalog.entries().stream().map(e -> new NewTopic(e.topic(), PARTITIONS, (short) 1)).toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (var created : admin.createTopics(topics).values().entrySet()) {
                try {
                    created.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new StackException("could not create the topic " + created.getKey() + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
        } catch (TimeoutException e) {
            throw new StackException("Kafka did not create the topics within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while creating the topics", e);
        }
    }
}

package io.schedulr.kit.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code schedulr_consumer_lag_records{group, topic}} on /q/metrics: how many records of {@code topic} the consumer group
 * has not yet committed, as the broker sees it (end offset minus committed offset, summed over the partitions; a
 * partition the group never committed counts from its earliest offset). It keeps rising when the group is stuck or gone,
 * which a client-side metric cannot show. Every incoming channel of the service ({@code mp.messaging.incoming.*}) is
 * watched but one that never commits ({@code commit-strategy=ignore}, as a per-replica broadcast group): the broker
 * would count every record the topic holds against it for good; a timer asks the broker every {@code schedulr.metrics.consumer-lag-refresh}, a scrape never does. NaN until
 * the first answer and while the broker cannot be asked.
 */
@ApplicationScoped
public class ConsumerLagGauges {
    private static final Logger LOG = Logger.getLogger(ConsumerLagGauges.class);
    private static final String INCOMING = "mp.messaging.incoming.";

    @Inject
    Config config;
    @Inject
    MeterRegistry registry;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;
    @ConfigProperty(name = "schedulr.metrics.consumer-lag-refresh", defaultValue = "PT15S")
    Duration refresh;

    private final Map<GroupTopic, Double> lags = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;
    private Admin admin;
    /** The pairs whose last read failed, so each failure is logged once, not on every round. */
    private final java.util.Set<GroupTopic> failing = ConcurrentHashMap.newKeySet();

    /** One watched (group, topic) pair. */
    record GroupTopic(String group, String topic) {
    }

    void start(@Observes StartupEvent event) {
        Map<String, GroupTopic> channels = watchedChannels();
        if (channels.isEmpty()) {
            return;
        }
        for (GroupTopic watched : channels.values()) {
            lags.put(watched, Double.NaN);
            Gauge.builder("schedulr.consumer.lag", lags, l -> l.getOrDefault(watched, Double.NaN)).baseUnit("records")
                    .description("Records of the topic the consumer group has not committed yet (end offset minus committed offset)")
                    .tag("group", watched.group()).tag("topic", watched.topic()).register(registry);
        }
        Map<String, Object> adminConfig = new HashMap<>(kafkaConfig);
        adminConfig.keySet().removeIf(key -> !AdminClientConfig.configNames().contains(key));
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, config.getOptionalValue("quarkus.application.name", String.class)
                .orElse("schedulr") + "-consumer-lag");
        admin = Admin.create(adminConfig);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "consumer-lag-gauges");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> channels.values().stream().distinct().forEach(this::read), 0, refresh.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    /** Channel name → its (group, topic), for every incoming channel that names both and commits what it handled. */
    private Map<String, GroupTopic> watchedChannels() {
        Map<String, GroupTopic> channels = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (!name.startsWith(INCOMING) || !name.endsWith(".topic")) {
                continue;
            }
            String channel = name.substring(INCOMING.length(), name.length() - ".topic".length());
            var topic = config.getOptionalValue(name, String.class);
            var group = config.getOptionalValue(INCOMING + channel + ".group.id", String.class);
            var enabled = config.getOptionalValue(INCOMING + channel + ".enabled", Boolean.class).orElse(true);
            var commits = !"ignore".equals(config.getOptionalValue(INCOMING + channel + ".commit-strategy", String.class).orElse(""));
            if (topic.isPresent() && group.isPresent() && enabled && commits) {
                channels.put(channel, new GroupTopic(group.get(), topic.get()));
            }
        }
        return channels;
    }

    private void read(GroupTopic watched) {
        try {
            var partitions = admin.describeTopics(java.util.List.of(watched.topic())).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(watched.topic()).partitions().stream()
                    .map(p -> new TopicPartition(watched.topic(), p.partition())).toList();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(watched.group())
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            var latest = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(10, TimeUnit.SECONDS);
            var earliest = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest())))
                    .all().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                long from = done != null ? done.offset() : earliest.get(partition).offset();
                lag += Math.max(0, latest.get(partition).offset() - from);
            }
            lags.put(watched, (double) lag);
            if (failing.remove(watched)) {
                LOG.infof("consumer lag gauges read %s on %s again", watched.group(), watched.topic());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            lags.put(watched, Double.NaN);
            if (failing.add(watched)) {
                LOG.warnf("consumer lag gauges could not ask the broker about %s on %s (NaN until they can): %s", watched.group(),
                        watched.topic(), e.toString());
            }
        }
    }
}

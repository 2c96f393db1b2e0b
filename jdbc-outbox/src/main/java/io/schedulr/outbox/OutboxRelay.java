package io.schedulr.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.schedulr.kit.kafka.PermanentPublishFailures;
import io.schedulr.kit.tracing.TraceParents;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends outbox rows to Kafka in id order on one thread, then marks them published. Woken right after a change commits
 * (see {@link Outbox#append}) and every {@code schedulr.outbox.poll-interval} as a backstop; several replicas take turns
 * through {@code FOR UPDATE SKIP LOCKED} with a transaction-scoped advisory lock (per-key order holds). While Kafka is
 * down the rows wait and the relay backs off (at most {@code schedulr.outbox.max-backoff}, 10 s). A row Kafka refuses for
 * good (too large, an invalid topic: {@link PermanentPublishFailures}) is set aside with the reason ({@code set_aside_at},
 * {@code set_aside_reason}), so one bad event never holds back the others. The producer takes the service's one Kafka configuration
 * ({@code kafka.*}, the {@code default-kafka-broker} map). The service's own Flyway migration creates the table
 * ({@link Outbox} gives its shape); each service has its own database, so one lock id serves all.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 7_262_101L;
    private static final int BATCH = 100;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    OpenTelemetry openTelemetry;
    @Inject
    MeterRegistry registry;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;
    @ConfigProperty(name = "schedulr.outbox.poll-interval", defaultValue = "PT2S")
    Duration pollInterval;
    /** Longest wait between attempts while Kafka is unreachable: how late the rows go out once it is back. */
    @ConfigProperty(name = "schedulr.outbox.max-backoff", defaultValue = "PT10S")
    Duration maxBackoff;
    @ConfigProperty(name = "quarkus.application.name", defaultValue = "schedulr")
    String applicationName;

    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private ScheduledExecutorService thread;
    private KafkaProducer<String, String> producer;
    private int failures;

    void start(@Observes StartupEvent event) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-relay");
        config.keySet().removeIf(key -> key.startsWith("health") || key.startsWith("devservices") || key.startsWith("snappy"));
        producer = new KafkaProducer<>(config);
        thread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
        thread.scheduleWithFixedDelay(this::drain, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (thread != null) {
            thread.shutdownNow();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    /** Asks for a drain once the current transaction has committed (a row is visible only then). */
    public void wakeAfterCommit() {
        if (thread == null) {
            return;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            wakeNow();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                wakeNow();
            }
        });
    }

    private void wakeNow() {
        if (wakeQueued.compareAndSet(false, true)) {
            thread.execute(() -> {
                wakeQueued.set(false);
                drain();
            });
        }
    }

    private void drain() {
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (published == BATCH);
            if (failures > 0) {
                LOG.infof("Kafka reachable again; outbox relay resumed after %d failed attempt(s)", failures);
                failures = 0;
            }
        } catch (Exception e) {
            failures++;
            if (failures == 1 || failures % 10 == 0) {
                LOG.warnf("outbox relay could not publish (attempt %d); events wait in the outbox: %s", failures, e.toString());
            }
            sleepBackoff();
        }
    }

    private int publishBatch() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, RELAY_LOCK);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return 0;
                    }
                }
            }
            List<Long> ids = new ArrayList<>();
            List<Future<?>> acks = new ArrayList<>();
            List<Span> spans = new ArrayList<>();
            List<String[]> sent = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id, topic, message_key, payload, traceparent, event_type FROM outbox "
                    + "WHERE published_at IS NULL AND set_aside_at IS NULL ORDER BY id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getString(4));
                    record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
                    spans.add(traced(record, rs.getString(5)));
                    sent.add(new String[]{rs.getString(2), rs.getString(6), rs.getString(3)});
                    ids.add(rs.getLong(1));
                    acks.add(send(record));
                }
            }
            List<Long> published = new ArrayList<>();
            Map<Long, String> setAside = new LinkedHashMap<>();
            try {
                for (int i = 0; i < acks.size(); i++) {
                    try {
                        acks.get(i).get(20, TimeUnit.SECONDS);
                        published.add(ids.get(i));
                    } catch (ExecutionException e) {
                        // Refused for good: set aside so that it never holds back the events after it. Else the batch waits.
                        String reason = PermanentPublishFailures.reason(e.getCause()).orElseThrow(() -> e);
                        LOG.errorf("outbox row %d (%s, key %s) set aside, Kafka refuses it for good: %s", ids.get(i), sent.get(i)[1],
                                sent.get(i)[2], reason);
                        setAside.put(ids.get(i), reason);
                    }
                }
            } finally {
                spans.forEach(Span::end);
            }
            for (int i = 0; i < ids.size(); i++) {
                if (!setAside.containsKey(ids.get(i))) {
                    Counter.builder("schedulr.events.published")
                            .description("Domain events published to Kafka from the outbox, by topic and CloudEvent type")
                            .tag("topic", sent.get(i)[0]).tag("type", sent.get(i)[1]).register(registry).increment();
                }
            }
            if (!published.isEmpty()) {
                try (PreparedStatement mark = c.prepareStatement("UPDATE outbox SET published_at = now() WHERE id = ANY (?)")) {
                    mark.setArray(1, c.createArrayOf("bigint", published.toArray()));
                    mark.executeUpdate();
                }
            }
            if (!setAside.isEmpty()) {
                try (PreparedStatement aside = c.prepareStatement("UPDATE outbox SET set_aside_at = now(), set_aside_reason = ? WHERE id = ?")) {
                    for (Map.Entry<Long, String> row : setAside.entrySet()) {
                        aside.setString(1, row.getValue());
                        aside.setLong(2, row.getKey());
                        aside.addBatch();
                    }
                    aside.executeBatch();
                }
            }
            return ids.size();
        }
    }

    /** The producer's answer for one record; a refusal it throws at once (before sending) comes back the same way. */
    private Future<?> send(ProducerRecord<String, String> record) {
        try {
            return producer.send(record);
        } catch (KafkaException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * A producer span continuing the trace of the work that wrote the row, and its {@code traceparent} on the record, so
     * the consumer's span joins the same trace.
     */
    private Span traced(ProducerRecord<String, String> record, String traceparent) {
        Context parent = TraceParents.parse(traceparent);
        Span span = openTelemetry.getTracer("io.schedulr.outbox").spanBuilder(record.topic() + " publish")
                .setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .startSpan();
        openTelemetry.getPropagators().getTextMapPropagator().inject(parent.with(span), record.headers(),
                (headers, key, value) -> headers.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8)));
        return span;
    }

    private void sleepBackoff() {
        try {
            Thread.sleep(Math.min(maxBackoff.toMillis(), 250L << Math.min(failures, 7)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Rows waiting for Kafka (not published, not set aside); for readiness and tests. */
    public long backlog() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM outbox WHERE published_at IS NULL AND set_aside_at IS NULL");
             ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

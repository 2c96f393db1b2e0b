package io.schedulr.scheduling.adapter.out.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.schedulr.scheduling.config.SchedulingConfig;
import io.schedulr.kit.kafka.PermanentPublishFailures;
import io.schedulr.kit.tracing.TraceParents;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes outbox rows to Kafka in id order, then marks them published.
 * <ul>
 * <li>Wakes on PostgreSQL NOTIFY from the outbox trigger (see {@link OutboxListener}); a slow backstop timer covers
 * missed notifications.</li>
 * <li>Several replicas may run it: a transaction-scoped advisory lock lets one drain at a time, which keeps the per-room
 * order that Kafka keys promise; {@code FOR UPDATE SKIP LOCKED} keeps rows from being sent twice.</li>
 * <li>While Kafka is down the batch fails, the transaction rolls back, the rows wait, and attempts back off.</li>
 * <li>A row Kafka refuses for good (see {@link PermanentPublishFailures}) is set aside with the reason, so one bad
 * event never holds back the others; operators find it by {@code set_aside_at} and may release it.</li>
 * <li>Each record continues the trace of the request that wrote its row ({@code traceparent} column).</li>
 * <li>Records go out through the {@code room-events} channel (Quarkus Messaging), so the producer takes the one Kafka
 * configuration of the service ({@code kafka.*}, TLS and SASL included); the relay waits for every acknowledgement.</li>
 * </ul>
 */
@ApplicationScoped
public class KafkaOutboxRelay {
    private static final Logger LOG = Logger.getLogger(KafkaOutboxRelay.class);
    /** Arbitrary constant naming the relay's advisory lock. */
    private static final long RELAY_LOCK = 7_262_001L;
    private static final String CLOUDEVENTS_JSON = "application/cloudevents+json; charset=UTF-8";

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    /** Room for a whole batch: the relay sends it at once and then waits for the acknowledgements. */
    @Inject
    @Channel("room-events")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    MutinyEmitter<String> emitter;
    @Inject
    SchedulingConfig config;
    @Inject
    MeterRegistry registry;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wakeAgain = new AtomicBoolean();
    private volatile boolean running;
    /** Consecutive failed batches; callbacks may run on the event loop or a worker thread. */
    private final AtomicInteger failures = new AtomicInteger();
    private long backstopTimer = -1;

    void start(@Observes StartupEvent event) {
        if (!config.outbox().relayEnabled()) {
            LOG.info("outbox relay disabled on this replica (scheduling.outbox.relay-enabled=false)");
            return;
        }
        running = true;
        backstopTimer = vertx.setPeriodic(config.outbox().backstopInterval().toMillis(), id -> wake());
        wake();
    }

    void stop(@Observes ShutdownEvent event) {
        if (backstopTimer >= 0) {
            vertx.cancelTimer(backstopTimer);
        }
        running = false;
    }

    /** Asks for a drain; coalesces with one in progress. */
    public void wake() {
        if (!running) {
            return;
        }
        if (!draining.compareAndSet(false, true)) {
            wakeAgain.set(true);
            return;
        }
        wakeAgain.set(false);
        drainBatch().subscribe().with(this::afterBatch, this::afterFailure);
    }

    private void afterBatch(int published) {
        int failed = failures.getAndSet(0);
        if (failed > 0) {
            LOG.infof("Kafka reachable again; outbox relay resumed after %d failed attempt(s)", failed);
        }
        draining.set(false);
        if (published > 0 || wakeAgain.get()) {
            wake();
        }
    }

    private void afterFailure(Throwable failure) {
        int failed = failures.incrementAndGet();
        long delay = Math.min(config.outbox().maxBackoff().toMillis(), 250L << Math.min(failed, 6));
        if (failed == 1 || failed % 10 == 0) {
            LOG.warnf("outbox relay could not publish (attempt %d, next in %d ms); events wait in the outbox: %s",
                    failed, delay, failure.toString());
        }
        draining.set(false);
        vertx.setTimer(delay, id -> wake());
    }

    /** One transaction: lock, read a batch, send it, mark it. Returns how many rows were published. */
    private Uni<Integer> drainBatch() {
        return pool.withTransaction(conn -> conn.preparedQuery("SELECT pg_try_advisory_xact_lock($1)")
                .execute(Tuple.of(RELAY_LOCK))
                .chain(lock -> lock.iterator().next().getBoolean(0) ? publishBatch(conn) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishBatch(SqlConnection conn) {
        return conn.preparedQuery("SELECT id, topic, message_key, event_type, event_id, payload::text AS payload, traceparent FROM outbox "
                        + "WHERE published_at IS NULL AND set_aside_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of(config.outbox().batchSize()))
                .chain(rows -> {
                    List<OutboxRow> batch = new ArrayList<>();
                    for (Row r : rows) {
                        batch.add(new OutboxRow(r.getLong("id"), r.getString("topic"), r.getString("message_key"),
                                r.getString("event_type"), r.getUUID("event_id").toString(), r.getString("payload"),
                                r.getString("traceparent")));
                    }
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return send(batch).chain(outcomes -> record(conn, outcomes)).map(ignored -> batch.size());
                });
    }

    private Uni<Void> record(SqlConnection conn, List<Outcome> outcomes) {
        List<Long> published = outcomes.stream().filter(o -> o.setAsideReason() == null).map(Outcome::id).toList();
        List<Outcome> setAside = outcomes.stream().filter(o -> o.setAsideReason() != null).toList();
        Uni<?> marked = conn.preparedQuery("UPDATE outbox SET published_at = now() WHERE id = ANY($1)")
                .execute(Tuple.of(published.toArray(new Long[0])));
        if (!setAside.isEmpty()) {
            marked = marked.chain(() -> conn.preparedQuery("UPDATE outbox SET set_aside_at = now(), set_aside_reason = $2 WHERE id = $1")
                    .executeBatch(setAside.stream().map(o -> Tuple.of(o.id(), o.setAsideReason())).toList()));
        }
        return marked.replaceWithVoid();
    }

    /**
     * Sends in order (one partition per room keeps it) and waits for every acknowledgement. A record refused for good
     * comes back as set aside; any other failure fails the batch.
     */
    private Uni<List<Outcome>> send(List<OutboxRow> batch) {
        List<Uni<Outcome>> acks = new ArrayList<>(batch.size());
        for (OutboxRow row : batch) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("content-type", CLOUDEVENTS_JSON.getBytes(StandardCharsets.UTF_8));
            OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(row.topic()).withKey(row.key()).withHeaders(headers).build();
            // The producer span (and the record's traceparent header) continues the trace of the request that wrote the row.
            Message<String> message = Message.of(row.payload()).addMetadata(metadata)
                    .addMetadata(TracingMetadata.withCurrent(TraceParents.parse(row.traceparent())));
            acks.add(emitter.sendMessage(message)
                    .invoke(() -> LOG.debugf("published %s %s for room %s", row.type(), row.eventId(), row.key()))
                    .invoke(() -> published(row))
                    .replaceWith(new Outcome(row.id(), null))
                    .onFailure(f -> PermanentPublishFailures.reason(f).isPresent()).recoverWithItem(f -> {
                        String reason = PermanentPublishFailures.reason(f).orElseThrow();
                        LOG.errorf("outbox row %d (%s %s for room %s) set aside, Kafka refuses it for good: %s", row.id(), row.type(),
                                row.eventId(), row.key(), reason);
                        return new Outcome(row.id(), reason);
                    }));
        }
        return Uni.join().all(acks).andFailFast();
    }

    /** {@code schedulr_events_published_total{topic, type}}: each event once, when Kafka acknowledged it (after its commit). */
    private void published(OutboxRow row) {
        Counter.builder("schedulr.events.published").description("Domain events published to Kafka from the outbox, by topic and CloudEvent type")
                .tag("topic", row.topic()).tag("type", row.type()).register(registry).increment();
    }

    /** What became of one row: published, or set aside with the reason. */
    private record Outcome(long id, String setAsideReason) {
    }

    private record OutboxRow(long id, String topic, String key, String type, String eventId, String payload, String traceparent) {
    }
}

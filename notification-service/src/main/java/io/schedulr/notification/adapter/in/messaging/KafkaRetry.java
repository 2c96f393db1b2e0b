package io.schedulr.notification.adapter.in.messaging;

import io.smallrye.mutiny.Uni;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * How the calendar consumers handle one record: a record that can never be handled ({@link PoisonRecords}) is logged
 * and skipped, so it fails alone; any other failure (the database is unreachable ...) is retried with back-off until it
 * passes, so nothing is lost and the records behind it wait.
 */
final class KafkaRetry {
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private KafkaRetry() {
    }

    static Uni<Void> handle(Logger log, String channel, ConsumerRecord<?, ?> record, Duration firstBackoff, Supplier<Uni<?>> work) {
        return Uni.createFrom().deferred(work::get)
                .onFailure(PoisonRecords::isTransient).invoke(e -> log.warnf("%s: could not handle %s (%s); retrying it", channel, at(record), e))
                .onFailure(PoisonRecords::isTransient).retry().withBackOff(firstBackoff, MAX_BACKOFF).indefinitely()
                .onFailure().recoverWithItem(e -> {
                    log.warnf("%s: skipping %s, it can never be handled: %s", channel, at(record), e.getMessage());
                    return null;
                })
                .replaceWithVoid();
    }

    static String at(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}

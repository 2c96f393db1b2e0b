package io.schedulr.scheduling.adapter.in.messaging;

import io.schedulr.scheduling.application.port.out.UnreadableRowException;
import io.schedulr.scheduling.application.port.out.UnstorableValueException;
import io.schedulr.scheduling.domain.ConcurrentChangeException;
import io.schedulr.scheduling.domain.DomainException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How every listener here handles one record's use case: a passing failure (the database is unreachable, a lost race)
 * is retried with back-off until it goes through, so no change is lost; a refusal that can never pass — the use case
 * said no, the database refused a value itself, or a stored row it needs cannot be read — is logged and the record
 * skipped, so it never holds up the records after it on its partition.
 */
final class RecordAttempts {
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private RecordAttempts() {
    }

    /**
     * {@code work} until it succeeds ({@code done} is told the result) or fails for good (logged as the skip of the record).
     * Hibernate Reactive must run on the record's Vert.x context, so a retry after a back-off goes back to it.
     */
    static <T> Uni<Void> untilSettled(Logger log, String channel, ConsumerRecord<?, ?> record, Supplier<Uni<? extends T>> work,
                                      Consumer<T> done) {
        Context context = Vertx.currentContext();
        Uni<T> attempt = Uni.createFrom().deferred(work);
        if (context != null) {
            attempt = attempt.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return attempt
                .onFailure(f -> !forGood(f)).invoke(e -> log.warnf("%s: %s failed (%s); retrying", channel, at(record), e.toString()))
                .onFailure(f -> !forGood(f)).retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).indefinitely()
                .invoke(done)
                .replaceWithVoid()
                .onFailure(UnstorableValueException.class).invoke(e ->
                        log.errorf("%s: skipping %s, which cannot be stored: %s", channel, at(record), e.getCause().getMessage()))
                .onFailure(UnreadableRowException.class).invoke(e ->
                        log.errorf("%s: skipping %s, whose stored row cannot be read: %s", channel, at(record), e.getMessage()))
                .onFailure(DomainException.class).invoke(e -> log.warnf("%s: skipping %s: %s", channel, at(record), e.getMessage()))
                .onFailure(RecordAttempts::forGood).recoverWithNull();
    }

    private static boolean forGood(Throwable failure) {
        return failure instanceof UnstorableValueException || failure instanceof UnreadableRowException
                || failure instanceof DomainException && !(failure instanceof ConcurrentChangeException);
    }

    static String at(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}

package io.schedulr.notification.adapter.in.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The records the room events consumer has started but not finished, since when, and why the last try failed. */
@ApplicationScoped
public class RecordsInFlight {
    private static final int MAX_ERROR = 300;

    private final Map<String, InFlight> records = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    public RecordsInFlight(Clock clock) {
        this.clock = clock;
    }

    public record InFlight(String record, Instant since, String lastError) {
    }

    /** Called for every try; the first try of a record sets its start. */
    void trying(ConsumerRecord<?, ?> record) {
        records.putIfAbsent(name(record), new InFlight(name(record), clock.instant(), null));
    }

    void failed(ConsumerRecord<?, ?> record, Throwable error) {
        String text = String.valueOf(error);
        String lastError = text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) + "…" : text;
        records.computeIfPresent(name(record), (key, inFlight) -> new InFlight(key, inFlight.since(), lastError));
    }

    void finished(ConsumerRecord<?, ?> record) {
        records.remove(name(record));
    }

    public Optional<InFlight> oldest() {
        return records.values().stream().min(Comparator.comparing(InFlight::since));
    }

    public Instant now() {
        return clock.instant();
    }

    private static String name(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}

package io.schedulr.kit.kafka;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

import java.util.Optional;

/**
 * Failures that mean Kafka will never take this one record, whatever happens to the cluster: sending it again cannot
 * help, so the relay sets it aside instead of retrying it forever ahead of everyone else's events. Anything else
 * (broker down, timeouts, authorisation of the whole client) is transient and the batch waits. Both outbox relays use it:
 * scheduling-service's and jdbc-outbox's.
 */
public final class PermanentPublishFailures {
    private PermanentPublishFailures() {
    }

    /** The reason to record when the failure is about this record alone. */
    public static Optional<String> reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException || t instanceof InvalidTopicException
                    || t instanceof InvalidRecordException || t instanceof SerializationException) {
                String message = t.getClass().getSimpleName() + ": " + t.getMessage();
                return Optional.of(message.length() > 500 ? message.substring(0, 500) : message);
            }
        }
        return Optional.empty();
    }
}

package io.schedulr.scheduling.adapter.out.messaging;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.kit.tracing.TraceParents;
import io.schedulr.scheduling.adapter.out.SessionConnection;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * One outbox row, in the use case's transaction; the trigger wakes the relay. The row keeps the request's trace context,
 * so the relay's Kafka record continues that trace. The text cast matters: a String bound straight to jsonb would be
 * stored as a JSON string.
 */
final class OutboxRows {
    private static final String INSERT = "INSERT INTO outbox (event_id, topic, message_key, event_type, payload, traceparent) "
            + "VALUES ($1, $2, $3, $4, CAST(CAST($5 AS text) AS jsonb), $6)";

    private OutboxRows() {
    }

    static Uni<Void> append(UUID id, String topic, CloudEvent<?> event) {
        return SessionConnection.update(INSERT, id, topic, event.subject(), event.type(), EventCodec.encode(event), TraceParents.current())
                .replaceWithVoid();
    }
}

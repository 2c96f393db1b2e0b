package io.schedulr.scheduling.adapter.out.messaging;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.Topics;
import io.schedulr.scheduling.adapter.out.SessionConnection;
import io.schedulr.scheduling.application.port.out.AppendOutboxPort;
import io.schedulr.scheduling.domain.RoomChange;
import io.schedulr.kit.tracing.TraceParents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * Writes the CloudEvent into the outbox table inside the use case's transaction; the trigger wakes the relay.
 * The row keeps the request's trace context, so the relay's Kafka record continues that trace.
 * The text cast matters: a String bound straight to jsonb would be stored as a JSON string.
 */
@ApplicationScoped
public class OutboxAppender implements AppendOutboxPort {
    @Inject
    RoomEventMapper mapper;

    @Override
    public Uni<Void> append(RoomChange change) {
        CloudEvent<RoomEvent> event = mapper.toCloudEvent(change);
        String traceparent = TraceParents.current();
        return SessionConnection.update("INSERT INTO outbox (event_id, topic, message_key, event_type, payload, traceparent) "
                        + "VALUES ($1, $2, $3, $4, CAST(CAST($5 AS text) AS jsonb), $6)",
                        UUID.fromString(event.id()), Topics.ROOM_EVENTS, event.subject(), event.type(), EventCodec.encode(event), traceparent)
                .replaceWithVoid();
    }
}

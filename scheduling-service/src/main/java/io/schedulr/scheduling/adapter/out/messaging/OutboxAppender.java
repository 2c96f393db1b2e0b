package io.schedulr.scheduling.adapter.out.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.Topics;
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
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "INSERT INTO outbox (event_id, topic, message_key, event_type, payload, traceparent) "
                                        + "VALUES (:id, :topic, :key, :type, CAST(CAST(:payload AS text) AS jsonb), :traceparent)")
                        .setParameter("id", UUID.fromString(event.id()))
                        .setParameter("topic", Topics.ROOM_EVENTS)
                        .setParameter("key", event.subject())
                        .setParameter("type", event.type())
                        .setParameter("payload", EventCodec.encode(event))
                        .setParameter("traceparent", traceparent)
                        .executeUpdate())
                .replaceWithVoid();
    }
}

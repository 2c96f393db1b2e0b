package io.schedulr.scheduling.adapter.out.messaging;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.Topics;
import io.schedulr.scheduling.application.port.out.AppendOutboxPort;
import io.schedulr.scheduling.domain.RoomChange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** A room change's CloudEvent into the outbox, inside the use case's transaction ({@link OutboxRows}). */
@ApplicationScoped
public class OutboxAppender implements AppendOutboxPort {
    @Inject
    RoomEventMapper mapper;

    @Override
    public Uni<Void> append(RoomChange change) {
        CloudEvent<RoomEvent> event = mapper.toCloudEvent(change);
        return OutboxRows.append(UUID.fromString(event.id()), Topics.ROOM_EVENTS, event);
    }
}

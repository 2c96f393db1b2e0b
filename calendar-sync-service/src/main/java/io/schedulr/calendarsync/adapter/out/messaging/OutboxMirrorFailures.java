package io.schedulr.calendarsync.adapter.out.messaging;

import io.schedulr.calendarsync.application.port.out.MirrorFailures;
import io.schedulr.calendarsync.domain.RoomChange;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.MalformedEventException;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomMirrorFailure;
import io.schedulr.events.Topics;
import io.schedulr.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/**
 * A room change that will not reach Google ({@code calendar.mirror-failures.v1}, keyed by room id), carrying the room
 * exactly as scheduling-service announced it, so notification-service can email the participants instead.
 */
@ApplicationScoped
public class OutboxMirrorFailures implements MirrorFailures {
    private static final Logger LOG = Logger.getLogger(OutboxMirrorFailures.class);

    @Inject
    Outbox outbox;

    @Override
    public void publish(RoomChange change, String reason) {
        if (change.announcement() == null) {
            LOG.warnf("room %s: change %s did not reach Google (%s), but its announcement is unknown; nothing to pass on",
                    change.roomId(), change.eventId(), reason);
            return;
        }
        CloudEvent<RoomEvent> announced;
        try {
            announced = EventCodec.decodeRoomEvent(change.announcement());
        } catch (MalformedEventException e) {
            LOG.warnf("room %s: the announcement of change %s cannot be read again: %s", change.roomId(), change.eventId(), e.getMessage());
            return;
        }
        outbox.append(Topics.CALENDAR_MIRROR_FAILURES, change.roomId(), CloudEvent.of(UUID.randomUUID().toString(),
                OutboxConnectionEvents.SOURCE, RoomMirrorFailure.CLOUD_EVENT_TYPE, Instant.now(), change.roomId(),
                new RoomMirrorFailure(announced.type(), reason, announced.data())));
    }
}

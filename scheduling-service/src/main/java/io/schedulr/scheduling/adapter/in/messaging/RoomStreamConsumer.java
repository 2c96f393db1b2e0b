package io.schedulr.scheduling.adapter.in.messaging;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.MalformedEventException;
import io.schedulr.events.Participant;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.scheduling.application.port.in.LiveRoomChange;
import io.schedulr.scheduling.application.port.in.ShareRoomChangeUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds the live stream from the Kafka topic, not from in-process calls, so every replica sees every change.
 * Each replica reads as its own consumer group from the end of the topic and commits nothing (see the
 * {@code room-stream} channel in application.properties). Records come in batches, one per poll: handed over one by one,
 * every room event cost a dispatch onto the event loop and a hop to a worker thread (docs/performance.md, 2026-12-05).
 * Each change goes on with its partition and offset, so that a client can resume on any replica (RoomFeedService);
 * {@link RoomStreamPositions} says where reading each partition begins.
 */
@ApplicationScoped
public class RoomStreamConsumer {
    private static final Logger LOG = Logger.getLogger(RoomStreamConsumer.class);

    @Inject
    ShareRoomChangeUseCase feed;

    @Incoming("room-stream")
    public void receive(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> record : records) {
            try {
                receive(record.value(), new LiveRoomChange.Position(record.partition(), record.offset()));
            } catch (RuntimeException e) {
                // What failure-strategy=ignore did for a record handed over alone: the rest of the batch still goes out.
                LOG.errorf(e, "live stream skips a record it could not hand on");
            }
        }
    }

    /** One record; a malformed one is skipped alone. */
    private void receive(String record, LiveRoomChange.Position at) {
        if (record == null) {
            LOG.warn("live stream skips a record without a value");
            return;
        }
        CloudEvent<RoomEvent> event;
        try {
            event = EventCodec.decodeRoomEvent(record);
        } catch (MalformedEventException e) {
            LOG.warnf("live stream skips a malformed record: %s", e.getMessage());
            return;
        }
        feed.share(toChange(event).at(at));
    }

    private static LiveRoomChange toChange(CloudEvent<RoomEvent> event) {
        RoomEvent e = event.data();
        // A released booking is announced as it ends (with the guest who left); the room itself is open again.
        Participant guest = RoomEventType.ROOM_RELEASED.cloudEventType().equals(event.type()) ? null : e.guest();
        // Before the change the guest was the same one, or for a release the one who left; a booking only adds a viewer.
        LiveRoomChange.Audience before = e.wasPrivate() == null ? null
                : new LiveRoomChange.Audience(e.guest() == null ? null : e.guest().id(), e.wasPrivate(), e.wasOfferedTo());
        return new LiveRoomChange(event.type(), event.id(), event.time(), e.roomId(), e.host().id(), e.host().name(),
                guest == null ? null : guest.id(), guest == null ? null : guest.name(), guest != null, e.privateRoom(), e.offeredTo(),
                e.startUtc(), e.endUtc(), e.stage(), e.roomUrl(), before);
    }
}

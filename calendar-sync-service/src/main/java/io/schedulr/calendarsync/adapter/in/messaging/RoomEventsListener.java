package io.schedulr.calendarsync.adapter.in.messaging;

import io.schedulr.calendarsync.application.port.in.RecordRoomChangeUseCase;
import io.schedulr.calendarsync.domain.RoomChange;
import io.schedulr.calendarsync.domain.RoomChangeKind;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.MalformedEventException;
import io.schedulr.events.Participant;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Duration;
import java.util.Optional;

/**
 * Room events from scheduling-service (channel {@code room-events}: the shared group {@code calendar-sync-room-mirror},
 * from the earliest record, in order). A booked, rescheduled or cancelled room is queued for its host's calendar; the
 * record's offset becomes committable only once that is stored. A record that is not a valid room event is logged and
 * skipped; a passing failure (the database is unreachable) is tried again with back-off, so nothing is lost.
 */
@ApplicationScoped
public class RoomEventsListener {
    private static final Logger LOG = Logger.getLogger(RoomEventsListener.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    @Inject
    RecordRoomChangeUseCase roomChanges;

    @Incoming("room-events")
    @Blocking
    public void receive(ConsumerRecord<String, String> record) throws InterruptedException {
        Optional<RoomChange> change;
        try {
            MDC.put("roomId", record.key()); // records are keyed by it; every log line of this record names it
            change = toChange(EventCodec.decodeRoomEvent(record.value()), record.value());
        } catch (MalformedEventException | IllegalArgumentException e) {
            LOG.warnf("room events: skipping %s: %s", at(record), e.getMessage());
            return;
        }
        if (change.isEmpty()) {
            return;
        }
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                RecordRoomChangeUseCase.Outcome outcome = roomChanges.record(change.get());
                LOG.debugf("room events: %s %s of room %s: %s", at(record), change.get().kind(), change.get().roomId(), outcome);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("room events: %s failed (%s); retrying in %s", at(record), e.toString(), backoff);
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** The change to mirror, or empty for room events that never reach a calendar (created, updated, deleted). */
    static Optional<RoomChange> toChange(CloudEvent<RoomEvent> event, String announcement) {
        RoomChangeKind kind = switch (RoomEventType.fromCloudEventType(event.type()).orElseThrow()) {
            case ROOM_BOOKED -> RoomChangeKind.BOOKED;
            case ROOM_RESCHEDULED -> RoomChangeKind.RESCHEDULED;
            case ROOM_CANCELLED -> RoomChangeKind.CANCELLED;
            case ROOM_RELEASED -> RoomChangeKind.RELEASED;
            default -> null;
        };
        if (kind == null) {
            return Optional.empty();
        }
        RoomEvent room = event.data();
        Participant host = room.host();
        Participant guest = room.guest();
        if (host.id() == null || host.id().isBlank()) {
            throw new MalformedEventException("event " + event.id() + " has no host id");
        }
        return Optional.of(new RoomChange(event.id(), kind, room.roomId(), room.sequence(), room.icsUid(), host.id(), host.timeZone(),
                guest == null ? null : guest.email(), guest == null ? null : guest.name(), room.title(), room.roomUrl(),
                room.startUtc(), room.endUtc(), announcement, guest == null ? null : guest.id()));
    }

    private static String at(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}

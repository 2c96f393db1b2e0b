package io.schedulr.notification.adapter.in.messaging;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.MalformedEventException;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.notification.application.port.in.HandleRoomChangeUseCase;
import io.schedulr.notification.config.NotificationConfig;
import io.schedulr.notification.domain.RoomChangeKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Duration;

/**
 * Handles the records of the {@code room-events} channel one at a time, in order. A record is acknowledged (its offset
 * becomes committable) only once its mails are durably queued; the consumed_event table makes a replay harmless.
 * A poison record fails the returned Uni and SmallRye puts it on the dead-letter topic with the failure's message as
 * {@code dead-letter-reason}. Any other failure (database unreachable ...) is retried with backoff until it passes,
 * so no record is skipped and the records behind it wait; {@link RoomEventsConsumerReadiness} reports a record that
 * takes too long.
 */
@ApplicationScoped
public class RoomEventsListener {
    private static final Logger LOG = Logger.getLogger(RoomEventsListener.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final HandleRoomChangeUseCase handleRoomChange;
    private final Duration firstBackoff;
    private final RecordsInFlight inFlight;

    @Inject
    RoomEventsListener(HandleRoomChangeUseCase handleRoomChange, NotificationConfig config, RecordsInFlight inFlight) {
        this(handleRoomChange, config.consumer().retryBackoff(), inFlight);
    }

    RoomEventsListener(HandleRoomChangeUseCase handleRoomChange, Duration firstBackoff, RecordsInFlight inFlight) {
        this.handleRoomChange = handleRoomChange;
        this.firstBackoff = firstBackoff;
        this.inFlight = inFlight;
    }

    @Incoming("room-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return Uni.createFrom().deferred(() -> {
                    inFlight.trying(record);
                    return handle(record);
                })
                .onFailure(PoisonRecords::isTransient).invoke(e -> {
                    inFlight.failed(record, e);
                    LOG.warnf("could not handle %s (%s); retrying it", at(record), e);
                })
                .onFailure(PoisonRecords::isTransient).retry().withBackOff(firstBackoff, MAX_BACKOFF).indefinitely()
                .onFailure().invoke(e -> LOG.warnf("dead-lettering %s: %s", at(record), e.getMessage()))
                .onTermination().invoke(() -> inFlight.finished(record));
    }

    private Uni<Void> handle(ConsumerRecord<String, byte[]> record) {
        // Records are keyed by the room id; every log line of this record names it. A keyless record (nothing keys it
        // wrongly, the event names its room) is handled all the same: the MDC takes no null, so it names the event's room.
        MDC.remove("roomId");
        if (record.key() != null) {
            MDC.put("roomId", record.key());
        }
        // Whatever the bytes, the codec answers an event or a MalformedEventException (poison: dead-lettered at once).
        CloudEvent<RoomEvent> event = EventCodec.decodeRoomEvent(record.value());
        if (record.key() == null && event.data() != null && event.data().roomId() != null) {
            MDC.put("roomId", event.data().roomId());
        }
        RoomEventType type = RoomEventType.fromCloudEventType(event.type())
                .orElseThrow(() -> new MalformedEventException("unknown event type " + event.type()));
        // Our own mapping, not RoomEventType.notifiesParticipants(): a release (the guest left) cancels their invitation.
        if (RoomEventCommands.kindOf(type) == RoomChangeKind.OTHER) {
            LOG.debugf("event %s (%s) notifies nobody", event.id(), event.type());
            return Uni.createFrom().voidItem();
        }
        return handleRoomChange.handle(RoomEventCommands.toCommand(event, type))
                .invoke(outcome -> LOG.infof("event %s (%s, room %s, sequence %d): %s", event.id(), type, event.data().roomId(),
                        event.data().sequence(), outcome))
                .replaceWithVoid();
    }

    private static String at(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}

package io.schedulr.scheduling.adapter.in.messaging;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.MalformedEventException;
import io.schedulr.events.RoomCommand;
import io.schedulr.events.RoomCommandType;
import io.schedulr.scheduling.application.port.in.ApplyCalendarChangeCommand;
import io.schedulr.scheduling.application.port.in.ApplyCalendarChangeUseCase;
import io.schedulr.scheduling.application.port.in.ApplyCalendarChangeUseCase.Outcome;
import io.schedulr.scheduling.domain.DomainException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * Runs the changes people made in Google Calendar, which calendar-sync-service publishes as commands on
 * {@code scheduling.room-commands.v1} (channel {@code room-commands}: one shared consumer group, from the earliest
 * record, offsets committed once handled), through {@link ApplyCalendarChangeUseCase}. A record that is not a valid
 * command is logged and skipped, and so is a command the use case refuses or finds stale, so one bad command never
 * holds up the others; a passing failure (the database is unreachable, a lost race) is retried with back-off, so no
 * change is lost. Redelivery is harmless: an applied command's SEQUENCE is no longer the room's, so it is stale (a
 * released booking's decline is refused: the room has a new UID and no longer that guest).
 */
@ApplicationScoped
public class RoomCommandsListener {
    private static final Logger LOG = Logger.getLogger(RoomCommandsListener.class);
    /** Outcomes an operator may want to look at: Google showed a change the room did not take over. */
    private static final Set<Outcome> NOTEWORTHY = Set.of(Outcome.REFUSED, Outcome.PUT_BACK);

    @Inject
    ApplyCalendarChangeUseCase changes;

    @Incoming("room-commands")
    public Uni<Void> receive(ConsumerRecord<String, String> record) {
        ApplyCalendarChangeCommand command;
        String type;
        try {
            CloudEvent<RoomCommand> event = EventCodec.decodeRoomCommand(record.value());
            type = event.type();
            command = toCommand(event);
        } catch (MalformedEventException | DomainException e) {
            LOG.warnf("room commands: skipping %s: %s", RecordAttempts.at(record), e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return RecordAttempts.untilSettled(LOG, "room commands", record, () -> changes.apply(command),
                result -> LOG.logf(NOTEWORTHY.contains(result.outcome()) ? Logger.Level.WARN : Logger.Level.INFO,
                        "room commands: %s %s of room %s by %s at SEQUENCE %d: %s", RecordAttempts.at(record), type, command.roomId(),
                        command.actorId(), command.sequence(), result));
    }

    private static ApplyCalendarChangeCommand toCommand(CloudEvent<RoomCommand> event) {
        RoomCommand data = event.data();
        RoomCommandType type = RoomCommandType.fromCloudEventType(event.type())
                .orElseThrow(() -> new MalformedEventException("unknown command type " + event.type()));
        ApplyCalendarChangeCommand.Change change = switch (type) {
            case RESCHEDULE_ROOM -> ApplyCalendarChangeCommand.Change.RESCHEDULE;
            case CANCEL_ROOM -> ApplyCalendarChangeCommand.Change.CANCEL;
            case RELEASE_BOOKING -> ApplyCalendarChangeCommand.Change.RELEASE_BOOKING;
        };
        return ApplyCalendarChangeCommand.of(change, data.roomId(), data.icsUid(), data.actorId(), data.newStart(), data.sequence());
    }
}

package io.schedulr.calendarsync.adapter.out.messaging;

import io.schedulr.calendarsync.application.port.out.RoomCommands;
import io.schedulr.calendarsync.domain.RoomMirror;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.RoomCommand;
import io.schedulr.events.RoomCommandType;
import io.schedulr.events.Topics;
import io.schedulr.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;

/** A person's edit in Google as a command to scheduling-service ({@code scheduling.room-commands.v1}, keyed by room id). */
@ApplicationScoped
public class OutboxRoomCommands implements RoomCommands {
    @Inject
    Outbox outbox;

    @Override
    public void publish(RoomMirror mirror, RoomMirror.GoogleEdit edit, Instant observedAt) {
        RoomCommandType type = switch (edit.kind()) {
            case DELETED -> RoomCommandType.CANCEL_ROOM;
            case MOVED, WHOLE_DAY -> RoomCommandType.RESCHEDULE_ROOM;
            case DECLINED -> RoomCommandType.RELEASE_BOOKING;
        };
        RoomCommand command = new RoomCommand(mirror.roomId(), mirror.icsUid(), mirror.actorOf(edit), edit.newStart(), edit.newEnd(),
                mirror.lastSequence(), observedAt);
        outbox.append(Topics.ROOM_COMMANDS, mirror.roomId(), CloudEvent.of(UUID.randomUUID().toString(), OutboxConnectionEvents.SOURCE,
                type.cloudEventType(), observedAt, mirror.roomId(), command));
    }
}

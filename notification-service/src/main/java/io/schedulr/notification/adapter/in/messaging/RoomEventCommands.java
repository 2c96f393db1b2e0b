package io.schedulr.notification.adapter.in.messaging;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.Participant;
import io.schedulr.events.RoomEvent;
import io.schedulr.events.RoomEventType;
import io.schedulr.notification.application.port.in.HandleRoomChangeCommand;
import io.schedulr.notification.domain.InvalidRoomChangeException;
import io.schedulr.notification.domain.Person;
import io.schedulr.notification.domain.RoomChangeKind;

/** Maps a room event of the contract to the command of the use case. */
final class RoomEventCommands {

    private RoomEventCommands() {
    }

    static HandleRoomChangeCommand toCommand(CloudEvent<RoomEvent> event, RoomEventType type) {
        return toCommand(event, event.data(), type);
    }

    /** @param event the record that told us (a room event, or a mirror failure carrying the room) */
    static HandleRoomChangeCommand toCommand(CloudEvent<?> event, RoomEvent d, RoomEventType type) {
        return new HandleRoomChangeCommand(event.id(), event.time(), kindOf(type), d.roomId(), d.icsUid(), d.sequence(), d.startUtc(),
                d.endUtc(), d.title(), d.roomUrl(), person(d.host(), "host"), person(d.guest(), "guest"));
    }

    /**
     * What the change means for invitations. {@code ROOM_RELEASED} (the guest left) cancels that meeting for the guest
     * who left and the host; created, updated and deleted (unbooked) rooms tell nobody
     * (a deletion still ends reminders of a session it had).
     */
    static RoomChangeKind kindOf(RoomEventType type) {
        return switch (type) {
            case ROOM_BOOKED -> RoomChangeKind.BOOKED;
            case ROOM_RESCHEDULED -> RoomChangeKind.RESCHEDULED;
            case ROOM_CANCELLED -> RoomChangeKind.CANCELLED;
            case ROOM_RELEASED -> RoomChangeKind.RELEASED;
            case ROOM_DELETED -> RoomChangeKind.DELETED;
            default -> RoomChangeKind.OTHER;
        };
    }

    /** A failure names the role (host, guest), never the address: it reaches WARN logs and the dead-letter reason. */
    static Person person(Participant p, String role) {
        if (p == null || p.email() == null || p.email().isBlank()) {
            return null;
        }
        try {
            return new Person(p.id(), p.email(), p.name(), p.timeZone());
        } catch (InvalidRoomChangeException e) {
            throw new InvalidRoomChangeException("the " + role + "'s email: " + e.getMessage());
        }
    }
}

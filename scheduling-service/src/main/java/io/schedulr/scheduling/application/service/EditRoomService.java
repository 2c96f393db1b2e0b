package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.EditRoomCommand;
import io.schedulr.scheduling.application.port.in.EditRoomUseCase;
import io.schedulr.scheduling.application.port.in.RoomDetails;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomChangeType;
import io.smallrye.mutiny.Uni;

import java.time.Instant;

/**
 * Reschedule, privacy and offer (host), stage (host or guest), in one transaction with one event: RESCHEDULED when a booked
 * room's time moved (invitations are updated), UPDATED otherwise.
 */
public class EditRoomService implements EditRoomUseCase {
    private final RoomChangeFlow flow;

    public EditRoomService(RoomChangeFlow flow) {
        this.flow = flow;
    }

    @Override
    public Uni<RoomDetails> edit(EditRoomCommand command) {
        return flow.apply(command.actor(), command.roomId(), (room, now) -> apply(command, room, now), EditRoomService::typeOf,
                command.allowOwnConflicts());
    }

    private static PracticeRoom apply(EditRoomCommand c, PracticeRoom room, Instant now) {
        String actor = c.actor().id();
        PracticeRoom changed = room;
        if (c.newStart() != null) {
            changed = changed.reschedule(actor, c.newStart(), now);
        }
        if (c.privateRoom() != null) {
            changed = changed.changePrivacy(actor, c.privateRoom());
        }
        if (c.offerTo() != null) {
            changed = changed.offerTo(actor, c.offerTo());
        }
        if (c.stage() != null) {
            changed = changed.changeStage(actor, c.stage());
        }
        return changed;
    }

    /**
     * A booked room whose invitation SEQUENCE rose (it moved, or a move made in Google was put back) updates its
     * invitations; any other edit is an update.
     */
    static RoomChangeType typeOf(PracticeRoom before, PracticeRoom after) {
        return after.isBooked() && after.icsSequence() != before.icsSequence() ? RoomChangeType.RESCHEDULED : RoomChangeType.UPDATED;
    }
}

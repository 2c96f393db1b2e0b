package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.SlotId;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

/** Books an open slot of someone else: the slot, the room, round 1 and RoomBooked in one transaction. */
public interface BookSlotUseCase {
    default Uni<RoomDetails> book(UserProfile guest, SlotId slotId) {
        return book(guest, slotId, false);
    }

    /** {@code allowOwnConflicts}: book although the slot clashes with the guest's own calendar (never the host's). */
    Uni<RoomDetails> book(UserProfile guest, SlotId slotId, boolean allowOwnConflicts);
}

package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.SlotId;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

/** Books an open slot of someone else: the slot, the room, round 1 and RoomBooked in one transaction. */
public interface BookSlotUseCase {
    Uni<RoomDetails> book(UserProfile guest, SlotId slotId);
}

package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotId;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

/** The host withdraws a slot; a booked slot's room is cancelled with it. */
public interface CancelSlotUseCase {
    Uni<Slot> cancel(UserProfile host, SlotId slotId);
}

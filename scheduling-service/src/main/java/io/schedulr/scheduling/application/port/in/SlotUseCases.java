package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotStatus;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Phase 3 availability: the use cases of slots. */
public final class SlotUseCases {
    private SlotUseCases() {
    }

    /** Publishes availability: database only, no room, nobody notified. */
    public interface PublishSlots {
        Uni<List<Slot>> publish(UserProfile host, List<SlotWindowInput> windows);
    }

    /** Books an open slot of someone else: the slot, the room, round 1 and RoomBooked in one transaction. */
    public interface BookSlot {
        Uni<RoomDetails> book(UserProfile guest, UUID slotId);
    }

    /** The host withdraws a slot; a booked slot's room is cancelled with it. */
    public interface CancelSlot {
        Uni<Slot> cancel(UserProfile host, UUID slotId);
    }

    public interface QuerySlots {
        Uni<List<Slot>> open(UserProfile viewer, Instant from, Instant to, int limit, int offset);

        Uni<List<Slot>> mine(UserProfile host, SlotStatus status, Instant from, Instant to, int limit, int offset);
    }
}

package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotId;
import io.schedulr.scheduling.domain.TimeWindow;
import io.smallrye.mutiny.Uni;

import java.util.Optional;

public interface LoadSlotPort {
    Uni<Optional<Slot>> load(SlotId slotId);

    /** The slot a room was booked from, if it came from one. */
    Uni<Optional<Slot>> findByRoom(RoomId roomId);

    /** Whether the host has an open slot overlapping {@code window} (open slots of a host never overlap one another). */
    Uni<Boolean> openSlotOverlaps(String hostId, TimeWindow window);
}

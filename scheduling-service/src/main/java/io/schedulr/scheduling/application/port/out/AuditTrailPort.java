package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.Slot;
import io.smallrye.mutiny.Uni;

public interface AuditTrailPort {
    /** Who did what to which room, with the room before and after (either may be null). */
    Uni<Void> record(String actorId, String action, PracticeRoom before, PracticeRoom after);

    /** The same for an availability slot. */
    Uni<Void> recordSlot(String actorId, String action, Slot before, Slot after);
}

package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.Slot;
import io.smallrye.mutiny.Uni;

public interface AuditTrailPort {
    /** Who did what to which room, with the room before and after (either may be null). */
    Uni<Void> record(String actorId, String action, PracticeRoom before, PracticeRoom after);

    /** The same for an availability slot. */
    Uni<Void> recordSlot(String actorId, String action, Slot before, Slot after);

    /**
     * The same for any other entity (team members, startups, interviews): its snapshots are plain records written as
     * JSON; either may be null.
     */
    Uni<Void> recordEntity(String actorId, String action, String entityType, String entityId, Object before, Object after);
}

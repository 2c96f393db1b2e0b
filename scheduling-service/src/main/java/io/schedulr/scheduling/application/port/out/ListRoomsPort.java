package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.PracticeRoom;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;

public interface ListRoomsPort {
    /** Future, unbooked, public rooms of other hosts, soonest first. */
    Uni<List<PracticeRoom>> listOpen(String excludedHostId, Instant now, int limit);

    /** Rooms the person hosts or booked, soonest first. */
    Uni<List<PracticeRoom>> listOf(String userId, int limit);
}

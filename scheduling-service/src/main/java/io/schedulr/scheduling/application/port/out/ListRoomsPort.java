package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.PracticeRoom;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;

public interface ListRoomsPort {
    /**
     * Future, unbooked rooms of other hosts the viewer may book, soonest first: the public ones and the private ones
     * offered to the viewer (the rule of {@link io.schedulr.scheduling.domain.RoomAccess}).
     */
    Uni<List<PracticeRoom>> listOpen(String viewer, Instant now, int limit);

    /** Rooms the person hosts or booked, soonest first. */
    Uni<List<PracticeRoom>> listOf(String userId, int limit);
}

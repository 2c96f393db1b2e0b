package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomId;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

public interface ListRoomsPort {
    /**
     * Future, unbooked rooms of other hosts the viewer may book, soonest first: the public ones and the private ones
     * offered to the viewer (the rule of {@link io.schedulr.scheduling.domain.RoomAccess}).
     */
    Uni<List<PracticeRoom>> listOpen(String viewer, Instant now, int limit, int offset);

    /**
     * Of these rooms, the ones whose host has a booked session — hosted or joined — overlapping the room's own time:
     * nobody could book them (the host's clash check refuses every guest).
     */
    Uni<Set<RoomId>> hostBookedThen(Collection<PracticeRoom> rooms);

    /** Rooms the person hosts or booked that end after {@code now}, soonest first. */
    Uni<List<PracticeRoom>> listUpcomingOf(String userId, Instant now, int limit, int offset);

    /** Rooms the person hosts or booked that ended by {@code now}, the latest first. */
    Uni<List<PracticeRoom>> listPastOf(String userId, Instant now, int limit, int offset);
}

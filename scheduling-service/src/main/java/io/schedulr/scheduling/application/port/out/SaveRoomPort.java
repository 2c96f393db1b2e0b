package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.PracticeRoom;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

public interface SaveRoomPort {
    /** Inserts the room and its round 1. */
    Uni<PracticeRoom> insertWithFirstRound(PracticeRoom room);

    /**
     * Sets the guest only if the room has none, in one conditional statement (safe under concurrency).
     *
     * @param loaded the room as read earlier in this transaction
     * @return the booked room, or null if it already had a guest (or is gone)
     */
    Uni<PracticeRoom> assignGuestIfFree(PracticeRoom loaded, String guestId);

    /**
     * Writes time, privacy, stage and sequence if the room is still at {@code expectedVersion}.
     *
     * @return the stored room, or null if someone changed it in between
     */
    Uni<PracticeRoom> update(PracticeRoom changed, long expectedVersion);

    /** Deletes the rounds, then the room, if it is still at {@code expectedVersion}; false otherwise. */
    Uni<Boolean> deleteWithRounds(UUID roomId, long expectedVersion);
}

package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.PracticeRoom;
import io.smallrye.mutiny.Uni;

/**
 * Stores rooms. Updates and deletions check the version the room was read at: a room someone else changed in
 * between fails the transaction, which {@link UnitOfWork} then runs again from the start.
 */
public interface SaveRoomPort {
    /** Inserts the room and its round 1. */
    Uni<PracticeRoom> insert(PracticeRoom room);

    /** @return the room as stored, at its new version */
    Uni<PracticeRoom> update(PracticeRoom changed);

    /** Deletes the room and its rounds. */
    Uni<Void> delete(PracticeRoom room);
}

package io.schedulr.scheduling.application.port.in;

import java.util.Map;

/** A room change that happened (on any replica) reaches everyone watching on this one. */
public interface ShareRoomChangeUseCase {
    /** A change read from the feed; {@link LiveRoomChange#position()} says where (required). */
    void share(LiveRoomChange change);

    /**
     * This replica (re)starts reading these partitions of the feed, each at its next offset (partition → offset): it holds
     * nothing before them, so a client that saw less of a partition than that cannot resume here without reloading.
     */
    void readsFrom(Map<Integer, Long> nextOffsets);
}

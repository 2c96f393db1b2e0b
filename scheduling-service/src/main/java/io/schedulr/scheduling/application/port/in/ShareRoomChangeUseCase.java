package io.schedulr.scheduling.application.port.in;

/** A room change that happened (on any replica) reaches everyone watching on this one. */
public interface ShareRoomChangeUseCase {
    /** A change read from the feed; {@link LiveRoomChange#position()} says where (required). */
    void share(LiveRoomChange change);

    /**
     * This replica (re)starts reading a partition of the feed at {@code nextOffset}: it holds nothing before it, so a client
     * that saw less of the partition than that cannot resume here without reloading.
     */
    void readsFrom(int partition, long nextOffset);
}

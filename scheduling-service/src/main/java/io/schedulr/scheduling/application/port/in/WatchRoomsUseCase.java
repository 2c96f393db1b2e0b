package io.schedulr.scheduling.application.port.in;

import io.smallrye.mutiny.Multi;

/** The live stream: room changes as the viewer may see them. */
public interface WatchRoomsUseCase {
    /**
     * @param lastSeenEventId the id of the last change a reconnecting client received, or null for "from now on".
     *                        The changes after it come first; if it is too old to be known, the stream starts with a
     *                        {@link LiveRoomChange#RELOAD} item (re-read the rooms, then follow the stream).
     */
    Multi<LiveRoomChange> watch(String viewerId, String lastSeenEventId);
}

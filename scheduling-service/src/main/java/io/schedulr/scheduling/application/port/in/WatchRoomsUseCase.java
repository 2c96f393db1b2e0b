package io.schedulr.scheduling.application.port.in;

import io.smallrye.mutiny.Multi;

/** The live stream: room changes as the viewer may see them. */
public interface WatchRoomsUseCase {
    /**
     * @param lastSeenEventId the {@link LiveRoomChange#resumeId()} of the last item a reconnecting client received (on
     *                        this replica or another), or null for "from now on". The changes it has not seen come
     *                        first; if this replica cannot be sure it still holds all of them (or cannot read the id),
     *                        the stream starts with a {@link LiveRoomChange#RELOAD} item (re-read the rooms, then follow
     *                        the stream).
     */
    Multi<LiveRoomChange> watch(String viewerId, String lastSeenEventId);
}

package io.schedulr.scheduling.application.port.in;

import io.smallrye.mutiny.Multi;

/** The live stream: room changes from now on, as the viewer may see them. */
public interface WatchRoomsUseCase {
    Multi<LiveRoomChange> watch(String viewerId);
}

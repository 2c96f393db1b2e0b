package io.schedulr.scheduling.application.port.out;

import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * Makes the video room people meet in. Called outside any transaction (it may take seconds); fails with
 * {@link VideoRoomUnavailableException} when the provider cannot make one.
 */
public interface VideoRoomProvider {
    /** @return the room's URL */
    Uni<String> createRoom(UUID roomId);

    /** Gives back a room that ended up unused (its booking lost a race); best effort. */
    Uni<Void> releaseRoom(UUID roomId);
}

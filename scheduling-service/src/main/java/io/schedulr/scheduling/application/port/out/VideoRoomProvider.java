package io.schedulr.scheduling.application.port.out;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.UUID;

/** Makes the video room people meet in; returns its URL. */
public interface VideoRoomProvider {
    Uni<String> createRoom(UUID roomId, Instant startsAt, boolean privateRoom);
}

package io.schedulr.calendarsync.application.port.out;

import io.schedulr.calendarsync.domain.RoomMirror;

import java.util.Optional;

/** Which Google event mirrors which room. */
public interface RoomMirrors {
    Optional<RoomMirror> find(String roomId);

    void save(RoomMirror mirror);
}

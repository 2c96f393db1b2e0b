package io.schedulr.calendarsync.application.port.out;

import io.schedulr.calendarsync.domain.RoomMirror;

import java.time.Instant;

/** Tells scheduling-service what a host did to a room in Google, in the transaction that notes it (an outbox). */
public interface RoomCommands {
    void publish(RoomMirror mirror, RoomMirror.HostEdit edit, Instant observedAt);
}

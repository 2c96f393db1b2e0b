package io.schedulr.calendarsync.application.port.out;

import io.schedulr.calendarsync.domain.RoomMirror;

import java.time.Instant;

/** Tells scheduling-service what a person did to a room's event in Google, in the transaction that notes it (an outbox). */
public interface RoomCommands {
    void publish(RoomMirror mirror, RoomMirror.GoogleEdit edit, Instant observedAt);
}

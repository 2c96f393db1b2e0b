package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.RoomCommands;
import io.schedulr.calendarsync.domain.RoomMirror;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Remembers the commands sent to scheduling-service. */
final class RecordingRoomCommands implements RoomCommands {
    final List<String> sent = new ArrayList<>();

    @Override
    public void publish(RoomMirror mirror, RoomMirror.HostEdit edit, Instant observedAt) {
        sent.add(mirror.roomId() + (edit.deleted() ? " cancel" : " reschedule " + edit.newStart()) + " @" + mirror.lastSequence());
    }
}

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
    public void publish(RoomMirror mirror, RoomMirror.GoogleEdit edit, Instant observedAt) {
        String what = switch (edit.kind()) {
            case DELETED -> " cancel";
            case MOVED, WHOLE_DAY -> " reschedule " + edit.newStart();
            case DECLINED -> " release";
        };
        sent.add(mirror.roomId() + what + " by " + mirror.actorOf(edit) + " @" + mirror.lastSequence());
    }
}

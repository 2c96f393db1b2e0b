package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.MirrorFailures;
import io.schedulr.calendarsync.domain.RoomChange;

import java.util.ArrayList;
import java.util.List;

/** Remembers the room changes announced as never reaching Google. */
final class RecordingMirrorFailures implements MirrorFailures {
    final List<String> published = new ArrayList<>();

    @Override
    public void publish(RoomChange change, String reason) {
        published.add(change.eventId() + " " + reason);
    }
}

package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.GoogleCallAudit;
import io.schedulr.calendarsync.application.port.out.RoomMirrors;
import io.schedulr.calendarsync.domain.RoomMirror;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** room_mirror and the Google call audit in memory. */
final class InMemoryRoomMirrors implements RoomMirrors, GoogleCallAudit {
    final Map<String, RoomMirror> mirrors = new HashMap<>();
    final List<String> audit = new ArrayList<>();

    @Override
    public Optional<RoomMirror> lock(String roomId) {
        return Optional.ofNullable(mirrors.get(roomId));
    }

    @Override
    public Optional<RoomMirror> lockWithEvent(String calendarId, String googleEventId) {
        return mirrors.values().stream().filter(m -> calendarId.equals(m.calendarId()) && googleEventId.equals(m.googleEventId())).findFirst();
    }

    @Override
    public List<RoomMirror> activeOn(String calendarId) {
        return mirrors.values().stream().filter(m -> calendarId.equals(m.calendarId()) && !m.cancelled() && m.googleEventId() != null).toList();
    }

    @Override
    public List<RoomMirror> activeOf(String hostId) {
        return mirrors.values().stream().filter(m -> hostId.equals(m.hostId()) && !m.cancelled() && m.googleEventId() != null).toList();
    }

    @Override
    public void save(RoomMirror mirror) {
        mirrors.put(mirror.roomId(), mirror);
    }

    @Override
    public void record(String roomId, String personId, String operation, String outcome) {
        audit.add(roomId + " " + personId + " " + operation + ": " + outcome);
    }
}

package io.schedulr.calendarsync.application.port.out;

import io.schedulr.calendarsync.domain.RoomMirror;

import java.util.List;
import java.util.Optional;

/** Which Google event mirrors which room. */
public interface RoomMirrors {
    /** The mirror, locked until the transaction ends. */
    Optional<RoomMirror> lock(String roomId);

    /** The mirror whose event on this calendar has this Google id, locked until the transaction ends. */
    Optional<RoomMirror> lockWithEvent(String calendarId, String googleEventId);

    void save(RoomMirror mirror);

    /** The live (not cancelled) mirrors with an event on this calendar. */
    List<RoomMirror> activeOn(String calendarId);

    /** The live (not cancelled) mirrors with an event that this person hosts, on whichever of their calendars it is. */
    List<RoomMirror> activeOf(String hostId);
}

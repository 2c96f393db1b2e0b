package io.schedulr.calendarsync.application.port.in;

import io.schedulr.calendarsync.domain.RoomChange;

/** Takes a room change in: queued for the host's calendar in the same transaction that remembers the event id. */
public interface RecordRoomChangeUseCase {
    Outcome record(RoomChange change);

    enum Outcome {
        /** Queued for the host's Google Calendar (of a host who disconnected: until they connect again). */
        QUEUED,
        /** This event id was taken in before: nothing added. */
        DUPLICATE,
        /** The host never connected a calendar: nothing to mirror. */
        HOST_NOT_CONNECTED
    }
}

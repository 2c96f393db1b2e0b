package io.schedulr.calendarsync.application.port.in;

/** Applies queued room changes to the hosts' Google Calendars. */
public interface MirrorRoomsUseCase {
    /** Runs the next due job, if any, in its own transaction; false when none is due. */
    boolean mirrorNext();
}

package io.schedulr.calendarsync.application.port.in;

import java.time.Duration;

/** Brings what people changed in their dedicated calendars into the app. */
public interface SyncCalendarsUseCase {
    /** Runs the next wanted sync, if any; false when none was due. */
    boolean syncNext();

    /** The backstop: wants a sync of every calendar not synced for this long (push notifications can be missed). */
    int requestStale(Duration interval);
}

package io.schedulr.notification.application.port.out;

import io.schedulr.notification.domain.CalendarConnection;
import io.smallrye.mutiny.Uni;

/** Keeps the latest calendar connection per person; the room change unit of work reads it for the host. */
public interface RecordCalendarConnectionPort {

    /** @return whether it was stored: false when a change at the same time or later is already there */
    Uni<Boolean> recordIfNewer(CalendarConnection connection);
}

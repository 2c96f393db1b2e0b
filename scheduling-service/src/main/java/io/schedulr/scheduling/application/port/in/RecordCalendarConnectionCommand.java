package io.schedulr.scheduling.application.port.in;

import io.schedulr.scheduling.domain.CalendarConnection;
import io.schedulr.scheduling.domain.CalendarConnectionStatus;

import java.time.Instant;

/**
 * calendar-sync-service announced a change of a person's calendar connection at {@code changedAt}. Invalid values are
 * refused here ({@code InvalidRequestException}), so a bad record never reaches the store.
 */
public record RecordCalendarConnectionCommand(CalendarConnection connection) {
    public RecordCalendarConnectionCommand(String userId, CalendarConnectionStatus status, String reason, String calendarId,
                                           Instant changedAt) {
        this(new CalendarConnection(userId, status, reason, calendarId, changedAt));
    }

    public RecordCalendarConnectionCommand {
        java.util.Objects.requireNonNull(connection, "connection");
    }
}

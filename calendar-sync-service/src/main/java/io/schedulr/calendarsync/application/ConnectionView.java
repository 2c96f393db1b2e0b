package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.domain.CalendarConnection;
import io.schedulr.calendarsync.domain.ConnectionStatus;
import io.schedulr.calendarsync.domain.DisconnectReason;

import java.time.Instant;

/** What a person may know about their connection: never the token. */
public record ConnectionView(ConnectionStatus status, DisconnectReason reason, String calendarId, Instant connectedAt) {
    static ConnectionView of(CalendarConnection c) {
        return new ConnectionView(c.status(), c.reason(), c.isConnected() ? c.calendarId() : null, c.isConnected() ? c.connectedAt() : null);
    }

    static ConnectionView none() {
        return new ConnectionView(ConnectionStatus.NOT_CONNECTED, null, null, null);
    }
}

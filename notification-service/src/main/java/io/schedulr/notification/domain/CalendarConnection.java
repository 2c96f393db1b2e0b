package io.schedulr.notification.domain;

import java.time.Instant;

/**
 * A person's Google Calendar connection as calendar-sync-service last announced it.
 *
 * @param userId    the person's user id (Google {@code sub}), as room events name hosts
 * @param status    {@code connected}, {@code not_connected} or {@code revoked}
 * @param changedAt when the connection changed; an older change never replaces a newer one
 */
public record CalendarConnection(String userId, String status, Instant changedAt) {
    public static final String CONNECTED = "connected";

    public CalendarConnection {
        if (userId == null || userId.isBlank()) {
            throw new InvalidRoomChangeException("a calendar connection needs a user id");
        }
        if (status == null || status.isBlank()) {
            throw new InvalidRoomChangeException("a calendar connection needs a status");
        }
        if (changedAt == null) {
            throw new InvalidRoomChangeException("a calendar connection needs the time it changed");
        }
    }

    public boolean connected() {
        return CONNECTED.equals(status);
    }
}

package io.schedulr.scheduling.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A person's Google Calendar connection as of {@code changedAt} (when calendar-sync-service made the change). A person
 * without one has never connected: {@link #isConnected(CalendarConnection)} treats that as not connected.
 *
 * @param reason     why the person is not connected ({@code user}, {@code revoked}, {@code scopes_missing}); null when connected
 * @param calendarId the person's dedicated calendar at Google; null unless connected
 */
public record CalendarConnection(String userId, CalendarConnectionStatus status, String reason, String calendarId, Instant changedAt) {
    static final int MAX_USER_ID_LENGTH = 255;
    static final int MAX_REASON_LENGTH = 64;
    static final int MAX_CALENDAR_ID_LENGTH = 1024;

    public CalendarConnection {
        requireText("userId", userId, MAX_USER_ID_LENGTH, true);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedAt, "changedAt");
        requireText("reason", reason, MAX_REASON_LENGTH, false);
        requireText("calendarId", calendarId, MAX_CALENDAR_ID_LENGTH, false);
    }

    public boolean connected() {
        return status == CalendarConnectionStatus.CONNECTED;
    }

    /** Whether this state may replace {@code stored}: it is not older (an equal time is the same change delivered again). */
    public boolean supersedes(CalendarConnection stored) {
        return stored == null || !changedAt.isBefore(stored.changedAt());
    }

    /** No known connection is no connection. */
    public static boolean isConnected(CalendarConnection known) {
        return known != null && known.connected();
    }

    private static void requireText(String field, String value, int maxLength, boolean required) {
        if (value == null) {
            if (required) {
                throw new InvalidRequestException("invalid_calendar_connection", field + " is missing.");
            }
            return;
        }
        if ((required && value.isBlank()) || value.length() > maxLength || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("invalid_calendar_connection",
                    field + " must be at most " + maxLength + " characters without control characters.");
        }
    }
}

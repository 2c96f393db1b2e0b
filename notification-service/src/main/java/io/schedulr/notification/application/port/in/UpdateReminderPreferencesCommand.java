package io.schedulr.notification.application.port.in;

import io.schedulr.notification.domain.InvalidRoomChangeException;

import java.util.List;

/**
 * A person's reminder preferences as published (the whole state).
 *
 * @param minutes null together with {@code channel} when the person's record was removed (the defaults apply again)
 * @param channel  {@code email} or {@code popup} (no email reminders from us)
 * @param timeZone the zone the person chose, their reminders' zone; null when they never chose one
 */
public record UpdateReminderPreferencesCommand(String userId, List<Integer> minutes, String channel, String timeZone) {
    public static final String EMAIL = "email";
    public static final String POPUP = "popup";

    public UpdateReminderPreferencesCommand {
        if (userId == null || userId.isBlank()) {
            throw new InvalidRoomChangeException("reminder preferences without a user id");
        }
        if (channel != null && !channel.equals(EMAIL) && !channel.equals(POPUP)) {
            throw new InvalidRoomChangeException("unknown reminder channel " + channel);
        }
        minutes = minutes == null ? null : List.copyOf(minutes);
    }

    public UpdateReminderPreferencesCommand(String userId, List<Integer> minutes, String channel) {
        this(userId, minutes, channel, null);
    }

    public static UpdateReminderPreferencesCommand removed(String userId) {
        return new UpdateReminderPreferencesCommand(userId, null, null, null);
    }

    public boolean isRemoval() {
        return channel == null;
    }
}

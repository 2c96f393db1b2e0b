package io.schedulr.calendarsync.application.port.in;

import java.util.List;

/**
 * A person's reminder preferences changed in scheduling-service: kept for the reminders of their own Google events, and
 * — when the minutes changed — their future events already on Google queued for the new reminders.
 */
public interface RecordReminderPreferencesUseCase {
    void record(ReminderPreferencesChange change);

    /**
     * @param minutes minutes before a session, largest first, at most 3 (checked by the event contract); empty: none
     * @param channel {@code email} or {@code popup}: who else reminds them; the Google events get popups either way
     */
    record ReminderPreferencesChange(String eventId, String userId, List<Integer> minutes, String channel) {
        public ReminderPreferencesChange {
            if (userId == null || userId.isBlank()) {
                throw new IllegalArgumentException("userId is required");
            }
            minutes = List.copyOf(minutes);
        }
    }
}

package io.schedulr.events;

import java.util.List;
import java.util.Set;

/**
 * Payload ({@code data}) of a person's reminder preferences after a change: the whole state, so the latest record per key
 * is all a consumer needs (the topic is compacted).
 *
 * @param userId          the person's user id (Google {@code sub}); also the Kafka key
 * @param reminderMinutes minutes before a session each reminder is due, at most 3, each 1 … 10080 (7 days), largest first;
 *                        empty when the person wants none
 * @param reminderChannel {@link #EMAIL}: notification-service emails each reminder (and the person's own Google events carry
 *                        the same minutes as on-screen reminders); {@link #POPUP}: on-screen reminders of the person's own
 *                        Google events only, no email
 * @param timeZone        the IANA zone the person chose in schedulr ({@code PUT /api/me/time-zone}), which their reminders
 *                        are written in; null when they never chose one (each session's zone as its event gave it stays).
 *                        Added after v1's first records, so older records lack it; a name no zone has is read as none
 */
public record ReminderPreferencesEvent(String userId, List<Integer> reminderMinutes, String reminderChannel, String timeZone) {
    public static final String CLOUD_EVENT_TYPE = "io.schedulr.person.reminder-preferences-changed.v1";
    public static final String EMAIL = "email";
    public static final String POPUP = "popup";
    public static final Set<String> CHANNELS = Set.of(EMAIL, POPUP);

    /** What a person who never chose has: 60 and 10 minutes before, by email. Every consumer uses this for unknown people. */
    public static final List<Integer> DEFAULT_MINUTES = List.of(60, 10);
    public static final String DEFAULT_CHANNEL = EMAIL;
    public static final int MAX_REMINDERS = 3;
    public static final int MIN_MINUTES = 1;
    public static final int MAX_MINUTES = 7 * 24 * 60;

    /** The state of preferences alone, for a person who never chose a zone. */
    public ReminderPreferencesEvent(String userId, List<Integer> reminderMinutes, String reminderChannel) {
        this(userId, reminderMinutes, reminderChannel, null);
    }

    public static ReminderPreferencesEvent defaults(String userId) {
        return new ReminderPreferencesEvent(userId, DEFAULT_MINUTES, DEFAULT_CHANNEL);
    }

    public boolean emails() {
        return EMAIL.equals(reminderChannel);
    }
}

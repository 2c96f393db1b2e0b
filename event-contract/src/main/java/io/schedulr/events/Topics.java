package io.schedulr.events;

/** Kafka topic names shared by publishers and consumers. */
public final class Topics {
    /** Every change to a practice room, keyed by room id so per-room order holds. */
    public static final String ROOM_EVENTS = "scheduling.room-events.v1";
    /** Every change of a person's Google Calendar connection, keyed by user id (the Google {@code sub}). */
    public static final String CALENDAR_CONNECTIONS = "calendar.connection-events.v1";
    /**
     * Every Cal.com booking change (created, rescheduled, cancelled) from calcom-gateway, keyed by the meeting's iCalUID
     * so one meeting's changes stay in order although a reschedule gives the booking a new uid.
     */
    public static final String CALCOM_BOOKINGS = "calcom.booking-events.v1";

    /**
     * Room changes calendar-sync-service could not write to Google for good ({@link RoomMirrorFailure}), keyed by room id;
     * notification-service emails the participants Google will not invite.
     */
    public static final String CALENDAR_MIRROR_FAILURES = "calendar.mirror-failures.v1";
    /** Changes people made in Google Calendar, as commands to scheduling-service ({@link RoomCommand}), keyed by room id. */
    public static final String ROOM_COMMANDS = "scheduling.room-commands.v1";

    /**
     * Every change of an interview that people are told about ({@link InterviewEvent}), keyed by interview id so one
     * interview's changes stay in order; notification-service emails the invitations, calendar-sync-service mirrors them.
     */
    public static final String INTERVIEW_EVENTS = "scheduling.interview-events.v1";

    /**
     * Every change of a person's reminder preferences ({@link ReminderPreferencesEvent}), keyed by user id; compacted, so
     * the latest record per person is kept for consumers that start later.
     */
    public static final String REMINDER_PREFERENCES = "scheduling.reminder-preferences.v1";

    private Topics() {
    }
}

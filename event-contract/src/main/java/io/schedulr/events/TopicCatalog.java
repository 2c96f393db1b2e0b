package io.schedulr.events;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Who writes and who reads each topic of {@link Topics}, and what is on it: the facts the AsyncAPI document
 * ({@code docs/asyncapi.json}) is generated from that the contract's types cannot say by themselves. The producers and
 * consumer groups mirror the services' outbox appends and {@code mp.messaging.incoming.*} configuration; keep them in
 * step when a service starts or stops reading or writing a topic.
 */
public final class TopicCatalog {

    /** One CloudEvents {@code type} on a topic; {@code name} is the Java constant, e.g. {@code ROOM_BOOKED}. */
    public record EventType(String name, String cloudEventType) {
    }

    /** A consumer group reading a topic; {@code groupId} is a pattern when each replica has its own group. */
    public record Consumer(String service, String groupId, String note) {
    }

    /**
     * @param topic    the Kafka topic name, one of {@link Topics}
     * @param key      what the record key is
     * @param producer the only service writing the topic (always through its transactional outbox)
     * @param payload  the type of the CloudEvent's {@code data}
     */
    public record Entry(String topic, String summary, String key, String producer, Class<? extends Record> payload,
                        List<EventType> types, List<Consumer> consumers) {
    }

    public static final String SCHEDULING_SERVICE = "scheduling-service";
    public static final String NOTIFICATION_SERVICE = "notification-service";
    public static final String CALENDAR_SYNC_SERVICE = "calendar-sync-service";
    public static final String CALCOM_GATEWAY = "calcom-gateway";

    private static final List<Entry> ENTRIES = List.of(
            new Entry(Topics.ROOM_EVENTS,
                    "Every change to a practice room; the payload carries the whole room state.",
                    "the room id (UUID); one room's events stay in order on one partition",
                    SCHEDULING_SERVICE, RoomEvent.class, types(RoomEventType.values(), RoomEventType::cloudEventType),
                    List.of(new Consumer(NOTIFICATION_SERVICE, "notification-service",
                                    "emails invitations and cancellations; records it cannot use go to notification.dead-letter.v1"),
                            new Consumer(CALENDAR_SYNC_SERVICE, "calendar-sync-room-mirror", "mirrors rooms to the host's Google calendar"),
                            new Consumer(SCHEDULING_SERVICE, "scheduling-room-stream-{instance uuid}",
                                    "live stream to browsers; one group per replica, from the latest offset, nothing committed"))),
            new Entry(Topics.CALENDAR_CONNECTIONS,
                    "Every change of a person's Google Calendar connection; the payload is the whole state after the change.",
                    "the user id (Google sub); one person's changes stay in order on one partition",
                    CALENDAR_SYNC_SERVICE, CalendarConnectionEvent.class,
                    types(CalendarConnectionEventType.values(), CalendarConnectionEventType::cloudEventType),
                    List.of(new Consumer(SCHEDULING_SERVICE, "scheduling-calendar-connections", "the calendar gate"))),
            new Entry(Topics.CALCOM_BOOKINGS,
                    "Every Cal.com booking change (created, rescheduled, cancelled), in our names.",
                    "the meeting's iCalUID; stays the same across reschedules, so one meeting's changes stay in order",
                    CALCOM_GATEWAY, BookingEvent.class, types(BookingEventType.values(), BookingEventType::cloudEventType),
                    List.of(new Consumer(SCHEDULING_SERVICE, "scheduling-calcom-bookings", "applies the change to the interview"))),
            new Entry(Topics.CALENDAR_MIRROR_FAILURES,
                    "Room changes Google will not tell the participants about (the host is not connected or was revoked, or Google refused the write for good); notification-service emails them instead.",
                    "the room id (UUID)",
                    CALENDAR_SYNC_SERVICE, RoomMirrorFailure.class,
                    List.of(new EventType("ROOM_MIRROR_FAILED", RoomMirrorFailure.CLOUD_EVENT_TYPE)),
                    List.of(new Consumer(NOTIFICATION_SERVICE, "notification-mirror-failures", "emails the participants Google will not invite"))),
            new Entry(Topics.ROOM_COMMANDS,
                    "Changes people made in Google Calendar, as commands to scheduling-service.",
                    "the room id (UUID)",
                    CALENDAR_SYNC_SERVICE, RoomCommand.class, types(RoomCommandType.values(), RoomCommandType::cloudEventType),
                    List.of(new Consumer(SCHEDULING_SERVICE, "scheduling-room-commands", "runs the command through its use cases"))),
            new Entry(Topics.INTERVIEW_EVENTS,
                    "Every change of an interview that people are told about; the payload is the whole interview.",
                    "the interview id (UUID); one interview's changes stay in order on one partition",
                    SCHEDULING_SERVICE, InterviewEvent.class, types(InterviewEventType.values(), InterviewEventType::cloudEventType),
                    List.of(new Consumer(NOTIFICATION_SERVICE, "notification-interview-events", "emails the invitations"),
                            new Consumer(CALENDAR_SYNC_SERVICE, "calendar-sync-interview-mirror", "mirrors interviews to Google calendars"))),
            new Entry(Topics.REMINDER_PREFERENCES,
                    "Every change of a person's reminder preferences; the payload is the whole state after the change (compacted topic).",
                    "the user id (Google sub); the latest record per person is the person's preferences",
                    SCHEDULING_SERVICE, ReminderPreferencesEvent.class,
                    List.of(new EventType("REMINDER_PREFERENCES_CHANGED", ReminderPreferencesEvent.CLOUD_EVENT_TYPE)),
                    List.of(new Consumer(NOTIFICATION_SERVICE, "notification-reminder-preferences", "plans each person's email reminders"),
                            new Consumer(CALENDAR_SYNC_SERVICE, "calendar-sync-reminder-preferences",
                                    "sets the reminders of the person's own Google events"))));

    private TopicCatalog() {
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    private static <E extends Enum<E>> List<EventType> types(E[] values, Function<E, String> cloudEventType) {
        return Arrays.stream(values).map(v -> new EventType(v.name(), cloudEventType.apply(v))).toList();
    }
}

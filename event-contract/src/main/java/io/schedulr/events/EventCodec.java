package io.schedulr.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The one JSON encoding of contract events, shared by every producer and consumer. */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final TypeReference<CloudEvent<RoomEvent>> ROOM_EVENT = new TypeReference<>() {
    };

    private static final TypeReference<CloudEvent<CalendarConnectionEvent>> CONNECTION_EVENT = new TypeReference<>() {
    };

    private static final TypeReference<CloudEvent<BookingEvent>> BOOKING_EVENT = new TypeReference<>() {
    };

    private static final TypeReference<CloudEvent<RoomMirrorFailure>> MIRROR_FAILURE = new TypeReference<>() {
    };

    private static final TypeReference<CloudEvent<RoomCommand>> ROOM_COMMAND = new TypeReference<>() {
    };

    private static final TypeReference<CloudEvent<InterviewEvent>> INTERVIEW_EVENT = new TypeReference<>() {
    };

    private static final TypeReference<CloudEvent<ReminderPreferencesEvent>> REMINDER_PREFERENCES = new TypeReference<>() {
    };

    private EventCodec() {
    }

    public static String encode(CloudEvent<?> event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** Parses and checks a room event; anything else is a {@link MalformedEventException}. */
    public static CloudEvent<RoomEvent> decodeRoomEvent(String json) {
        CloudEvent<RoomEvent> event;
        try {
            event = MAPPER.readValue(json, ROOM_EVENT);
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("not a CloudEvents JSON room event: " + e.getMessage(), e);
        }
        if (event == null) {
            throw new MalformedEventException("empty record");
        }
        requirePresent(event.id(), "id");
        requirePresent(event.type(), "type");
        if (RoomEventType.fromCloudEventType(event.type()).isEmpty()) {
            throw new MalformedEventException("unknown event type " + event.type());
        }
        RoomEvent data = event.data();
        if (data == null) {
            throw new MalformedEventException("event " + event.id() + " has no data");
        }
        requirePresent(data.roomId(), "data.roomId");
        requirePresent(data.icsUid(), "data.icsUid");
        if (data.startUtc() == null || data.endUtc() == null) {
            throw new MalformedEventException("event " + event.id() + " has no start or end");
        }
        if (data.host() == null || data.host().email() == null) {
            throw new MalformedEventException("event " + event.id() + " has no host email");
        }
        return event;
    }

    /** Parses and checks a calendar connection event; anything else is a {@link MalformedEventException}. */
    public static CloudEvent<CalendarConnectionEvent> decodeCalendarConnectionEvent(String json) {
        CloudEvent<CalendarConnectionEvent> event;
        try {
            event = MAPPER.readValue(json, CONNECTION_EVENT);
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("not a CloudEvents JSON calendar connection event: " + e.getMessage(), e);
        }
        if (event == null) {
            throw new MalformedEventException("empty record");
        }
        requirePresent(event.id(), "id");
        requirePresent(event.type(), "type");
        if (CalendarConnectionEventType.fromCloudEventType(event.type()).isEmpty()) {
            throw new MalformedEventException("unknown event type " + event.type());
        }
        CalendarConnectionEvent data = event.data();
        if (data == null) {
            throw new MalformedEventException("event " + event.id() + " has no data");
        }
        requirePresent(data.userId(), "data.userId");
        requirePresent(data.status(), "data.status");
        if (!java.util.Set.of(CalendarConnectionEvent.CONNECTED, CalendarConnectionEvent.NOT_CONNECTED, CalendarConnectionEvent.REVOKED)
                .contains(data.status())) {
            throw new MalformedEventException("unknown connection status " + data.status());
        }
        return event;
    }

    /** Parses and checks a Cal.com booking event; anything else is a {@link MalformedEventException}. */
    public static CloudEvent<BookingEvent> decodeBookingEvent(String json) {
        CloudEvent<BookingEvent> event;
        try {
            event = MAPPER.readValue(json, BOOKING_EVENT);
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("not a CloudEvents JSON Cal.com booking event: " + e.getMessage(), e);
        }
        if (event == null) {
            throw new MalformedEventException("empty record");
        }
        requirePresent(event.id(), "id");
        requirePresent(event.type(), "type");
        BookingEventType type = BookingEventType.fromCloudEventType(event.type())
                .orElseThrow(() -> new MalformedEventException("unknown event type " + event.type()));
        BookingEvent data = event.data();
        if (data == null) {
            throw new MalformedEventException("event " + event.id() + " has no data");
        }
        requirePresent(data.icalUid(), "data.icalUid");
        requirePresent(data.uid(), "data.uid");
        if (data.start() == null || data.end() == null) {
            throw new MalformedEventException("event " + event.id() + " has no start or end");
        }
        if (type == BookingEventType.BOOKING_RESCHEDULED) {
            requirePresent(data.previousUid(), "data.previousUid");
        }
        return event;
    }

    /** Parses and checks a room mirror failure; anything else is a {@link MalformedEventException}. */
    public static CloudEvent<RoomMirrorFailure> decodeRoomMirrorFailure(String json) {
        CloudEvent<RoomMirrorFailure> event = read(json, MIRROR_FAILURE, "room mirror failure");
        if (!RoomMirrorFailure.CLOUD_EVENT_TYPE.equals(event.type())) {
            throw new MalformedEventException("unknown event type " + event.type());
        }
        RoomMirrorFailure data = event.data();
        if (data == null || data.room() == null) {
            throw new MalformedEventException("event " + event.id() + " has no room");
        }
        requirePresent(data.change(), "data.change");
        if (RoomEventType.fromCloudEventType(data.change()).isEmpty()) {
            throw new MalformedEventException("unknown room change " + data.change());
        }
        requirePresent(data.room().roomId(), "data.room.roomId");
        requirePresent(data.room().icsUid(), "data.room.icsUid");
        if (data.room().startUtc() == null || data.room().endUtc() == null || data.room().host() == null) {
            throw new MalformedEventException("event " + event.id() + " has no start, end or host");
        }
        return event;
    }

    /** Parses and checks a room command; anything else is a {@link MalformedEventException}. */
    public static CloudEvent<RoomCommand> decodeRoomCommand(String json) {
        CloudEvent<RoomCommand> event = read(json, ROOM_COMMAND, "room command");
        RoomCommandType type = RoomCommandType.fromCloudEventType(event.type())
                .orElseThrow(() -> new MalformedEventException("unknown command type " + event.type()));
        RoomCommand data = event.data();
        if (data == null) {
            throw new MalformedEventException("command " + event.id() + " has no data");
        }
        requirePresent(data.roomId(), "data.roomId");
        requirePresent(data.actorId(), "data.actorId");
        if (type == RoomCommandType.RESCHEDULE_ROOM && (data.newStart() == null || data.newEnd() == null)) {
            throw new MalformedEventException("command " + event.id() + " has no new start or end");
        }
        return event;
    }

    /** Parses and checks an interview event; anything else is a {@link MalformedEventException}. */
    public static CloudEvent<InterviewEvent> decodeInterviewEvent(String json) {
        CloudEvent<InterviewEvent> event = read(json, INTERVIEW_EVENT, "interview event");
        if (InterviewEventType.fromCloudEventType(event.type()).isEmpty()) {
            throw new MalformedEventException("unknown event type " + event.type());
        }
        InterviewEvent data = event.data();
        if (data == null) {
            throw new MalformedEventException("event " + event.id() + " has no data");
        }
        requirePresent(data.interviewId(), "data.interviewId");
        requirePresent(data.icsUid(), "data.icsUid");
        if (data.startUtc() == null || data.endUtc() == null || !data.endUtc().isAfter(data.startUtc())) {
            throw new MalformedEventException("event " + event.id() + " has no start and end in order");
        }
        if (data.organizer() == null) {
            throw new MalformedEventException("event " + event.id() + " has no primary interviewer");
        }
        for (InterviewPerson person : data.people()) {
            if (person == null || person.kind() == null) {
                throw new MalformedEventException("event " + event.id() + " has a person without a kind");
            }
            requirePresent(person.email(), "data.people[].email");
        }
        return event;
    }

    /** Parses and checks a person's reminder preferences, including their limits; anything else is a {@link MalformedEventException}. */
    public static CloudEvent<ReminderPreferencesEvent> decodeReminderPreferences(String json) {
        CloudEvent<ReminderPreferencesEvent> event = read(json, REMINDER_PREFERENCES, "reminder preferences event");
        if (!ReminderPreferencesEvent.CLOUD_EVENT_TYPE.equals(event.type())) {
            throw new MalformedEventException("unknown event type " + event.type());
        }
        ReminderPreferencesEvent data = event.data();
        if (data == null) {
            throw new MalformedEventException("event " + event.id() + " has no data");
        }
        requirePresent(data.userId(), "data.userId");
        if (!ReminderPreferencesEvent.CHANNELS.contains(data.reminderChannel())) {
            throw new MalformedEventException("unknown reminder channel " + data.reminderChannel());
        }
        if (data.reminderMinutes() == null || data.reminderMinutes().size() > ReminderPreferencesEvent.MAX_REMINDERS
                || data.reminderMinutes().stream().anyMatch(m -> m == null || m < ReminderPreferencesEvent.MIN_MINUTES
                || m > ReminderPreferencesEvent.MAX_MINUTES)) {
            throw new MalformedEventException("event " + event.id() + " has reminder minutes out of bounds");
        }
        return event;
    }

    private static <T> CloudEvent<T> read(String json, TypeReference<CloudEvent<T>> type, String what) {
        CloudEvent<T> event;
        try {
            event = MAPPER.readValue(json, type);
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("not a CloudEvents JSON " + what + ": " + e.getMessage(), e);
        }
        if (event == null) {
            throw new MalformedEventException("empty record");
        }
        requirePresent(event.id(), "id");
        requirePresent(event.type(), "type");
        return event;
    }

    public static CloudEvent<RoomEvent> decodeRoomEvent(byte[] json) {
        if (json == null) {
            throw new MalformedEventException("empty record");
        }
        return decodeRoomEvent(new String(json, StandardCharsets.UTF_8));
    }

    private static void requirePresent(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("missing " + field);
        }
    }
}

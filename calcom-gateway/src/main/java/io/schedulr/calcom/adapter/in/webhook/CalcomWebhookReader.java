package io.schedulr.calcom.adapter.in.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedulr.calcom.domain.webhook.BookingChange;
import io.schedulr.calcom.domain.webhook.ChangeKind;
import io.schedulr.calcom.domain.webhook.Person;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Cal.com's webhook wire format → our words. Body {@code {"triggerEvent","createdAt","payload"}}; the booking payload
 * names as Cal.com's {@code sendPayload} writes them ({@code uid}, {@code iCalUID}, {@code iCalSequence},
 * {@code startTime}, {@code rescheduleUid}, {@code requestReschedule}…). Timestamps come as {@code …Z},
 * {@code ….000Z} or {@code …+00:00}: all are read as offset date-times, never matched as strings.
 */
final class CalcomWebhookReader {
    /** Triggers Cal.com documents that we do not translate: acknowledged, not announced. */
    static final Set<String> NOT_TRANSLATED = Set.of("BOOKING_PAYMENT_INITIATED", "BOOKING_PAID",
            "BOOKING_NO_SHOW_UPDATED", "BOOKING_LOCATION_UPDATED", "BOOKING_REASSIGNED", "FORM_SUBMITTED", "FORM_SUBMITTED_NO_EVENT",
            "MEETING_STARTED", "MEETING_ENDED", "RECORDING_READY", "RECORDING_TRANSCRIPTION_GENERATED", "INSTANT_MEETING",
            "INSTANT_MEETING_ACCEPTED", "OOO_CREATED", "AFTER_HOSTS_CAL_VIDEO_NO_SHOW", "AFTER_GUESTS_CAL_VIDEO_NO_SHOW",
            "ROUTING_FORM_FALLBACK_HIT");

    /**
     * The times every part of the system can keep and write (PostgreSQL, iCalendar, mail clients): a year like +999999999
     * parses, and would fail where the meeting is stored.
     */
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant AFTER_LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    sealed interface Message permits Ping, NotTranslated, Booking {
    }

    record Ping() implements Message {
    }

    record NotTranslated(String trigger) implements Message {
    }

    record Booking(BookingChange change) implements Message {
    }

    /** Why a delivery cannot be read; the message names the field and never echoes more than a short excerpt. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    private final ObjectMapper mapper;

    CalcomWebhookReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Message read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new Unreadable("The body is empty.");
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Unreadable("The body is not valid JSON.");
        } catch (IOException e) {
            throw new Unreadable("The body could not be read.");
        }
        if (root == null || !root.isObject()) {
            throw new Unreadable("The body is not a JSON object.");
        }
        String trigger = text(root, "triggerEvent");
        if (trigger == null) {
            throw new Unreadable("Field 'triggerEvent' is missing.");
        }
        if (trigger.equals("PING")) {
            return new Ping();
        }
        if (NOT_TRANSLATED.contains(trigger)) {
            return new NotTranslated(trigger);
        }
        ChangeKind kind = switch (trigger) {
            case "BOOKING_CREATED" -> ChangeKind.CREATED;
            case "BOOKING_RESCHEDULED" -> ChangeKind.RESCHEDULED;
            // Waits for its host's confirmation: BOOKING_CREATED follows if they confirm it, BOOKING_REJECTED if they decline it.
            case "BOOKING_REQUESTED" -> ChangeKind.REQUESTED;
            // Declined by its host (an event type that needs confirmation): the meeting never takes place, as if cancelled.
            case "BOOKING_CANCELLED", "BOOKING_REJECTED" -> ChangeKind.CANCELLED;
            default -> throw new Unreadable("Unknown triggerEvent '" + excerpt(trigger) + "'.");
        };
        JsonNode p = root.get("payload");
        if (p == null || !p.isObject()) {
            throw new Unreadable("Field 'payload' is missing or not an object.");
        }
        JsonNode sequence = p.get("iCalSequence");
        if (sequence != null && !sequence.isNull() && !sequence.canConvertToInt()) {
            throw new Unreadable("Field 'payload.iCalSequence' is not a number.");
        }
        JsonNode metadata = p.get("metadata");
        boolean rejected = trigger.equals("BOOKING_REJECTED");
        String status = status(text(p, "status"));
        String rejectionReason = rejected ? text(p, "rejectionReason") : null;
        String reason = rejectionReason != null ? rejectionReason : text(p, "cancellationReason");
        try {
            return new Booking(new BookingChange(kind, text(p, "iCalUID"), sequence == null || sequence.isNull() ? 0 : sequence.asInt(),
                    text(p, "uid"), text(p, "rescheduleUid"), number(p, "bookingId"), number(p, "eventTypeId"), text(p, "title"),
                    rejected && status == null ? "rejected" : status, time(p, "startTime", true), time(p, "endTime", true), time(p, "rescheduleStartTime", false),
                    time(p, "rescheduleEndTime", false), person(p.get("organizer")), people(p.get("attendees")), text(p, "location"),
                    metadata == null ? null : text(metadata, "videoCallUrl"), metadata(metadata), reason,
                    text(p, "cancelledBy"), p.path("requestReschedule").asBoolean(false), text(p, "rescheduledBy"),
                    time(root, "createdAt", false)));
        } catch (IllegalArgumentException e) {
            throw new Unreadable("Invalid " + trigger + " payload: " + e.getMessage() + ".");
        }
    }

    private static String status(String status) {
        return status == null ? null : status.toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            throw new Unreadable("Field '" + field + "' is not a string.");
        }
        return value.asText();
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong()) {
            throw new Unreadable("Field '" + field + "' is not a number.");
        }
        return value.asLong();
    }

    private static Instant time(JsonNode node, String field, boolean required) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            if (required) {
                throw new Unreadable("Field '" + field + "' is missing.");
            }
            return null;
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new Unreadable("Field '" + field + "' is not a date-time with an offset: '" + excerpt(value) + "'.");
        }
        if (time.isBefore(EARLIEST) || !time.isBefore(AFTER_LATEST)) {
            throw new Unreadable("Field '" + field + "' is not a time from 1970 to 9999: '" + excerpt(value) + "'.");
        }
        return time;
    }

    private static Person person(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new Person(text(node, "name"), text(node, "email"), text(node, "timeZone"));
    }

    private static List<Person> people(JsonNode node) {
        List<Person> people = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> {
                Person person = person(n);
                if (person != null) {
                    people.add(person);
                }
            });
        }
        return people;
    }

    /** Metadata values as strings (Cal.com allows strings, numbers and booleans); nested values as their JSON. */
    private static Map<String, String> metadata(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    values.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
                }
            });
        }
        return values;
    }

    private static String excerpt(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}

package io.schedulr.testsupport.google;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules Google applies to an event body: ids, required fields, defaults, private properties, reminders, patch and
 * update. Reminders are kept as the client sent them; without any, an event uses the calendar's defaults
 * ({@code {"useDefault": true}}), also after an update that leaves them out.
 */
final class EventResource {
    private static final Pattern CLIENT_ID = Pattern.compile("[a-v0-9]{5,1024}");
    private static final int MAX_PROPERTY_KEY = 44;
    private static final int MAX_PROPERTY_VALUE = 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Fields the server owns: a client's update or patch never changes them. */
    /** Google's limits of {@code reminders.overrides}: at most 5, each {@code email} or {@code popup}, 0 … 40320 minutes (4 weeks). */
    private static final int MAX_REMINDERS = 5;
    private static final int MAX_REMINDER_MINUTES = 40_320;
    private static final Set<String> REMINDER_METHODS = Set.of("email", "popup");
    private static final Set<String> READ_ONLY = Set.of("kind", "etag", "id", "htmlLink", "created", "updated", "creator",
            "organizer", "iCalUID");

    private EventResource() {
    }

    /** A new event from an insert body, before the store stamps etag/updated. */
    static Map<String, Object> create(Map<String, Object> body, String calendarId, String calendarSummary, String ownerEmail,
                                      String baseUrl, String now) {
        String id = Json.string(body.get("id"));
        String iCalUid = Json.string(body.get("iCalUID"));
        if (id != null && iCalUid != null) {
            throw GoogleError.badRequest("invalid", "Only one of id and iCalUID may be given when an event is created.");
        }
        if (id != null && !CLIENT_ID.matcher(id).matches()) {
            throw GoogleError.badRequest("invalid", "Invalid resource id value.");
        }
        if (id == null) {
            id = newId();
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("kind", "calendar#event");
        event.put("id", id);
        event.put("status", "confirmed");
        event.put("htmlLink", baseUrl + "/calendar/event?eid=" + id);
        event.put("created", now);
        event.put("creator", Map.of("email", ownerEmail));
        Map<String, Object> organizer = new LinkedHashMap<>();
        organizer.put("email", calendarId);
        organizer.put("displayName", calendarSummary);
        organizer.put("self", true);
        event.put("organizer", organizer);
        event.put("iCalUID", iCalUid != null ? iCalUid : id + "@google.com");
        event.put("sequence", 0L);
        event.put("reminders", new LinkedHashMap<>(Map.of("useDefault", true)));
        event.put("eventType", "default");
        writable(body).forEach(event::put);
        return normalised(event, null);
    }

    /** events.update: the body replaces every writable field. */
    static Map<String, Object> replace(Map<String, Object> current, Map<String, Object> body) {
        Map<String, Object> event = new LinkedHashMap<>();
        current.forEach((k, v) -> {
            if (READ_ONLY.contains(k) || "sequence".equals(k)) {
                event.put(k, v);
            }
        });
        event.put("status", "confirmed");
        writable(body).forEach(event::put);
        event.putIfAbsent("reminders", new LinkedHashMap<>(Map.of("useDefault", true)));
        return normalised(event, current);
    }

    /** events.patch: objects merge field by field, lists and values replace, null removes. */
    static Map<String, Object> patch(Map<String, Object> current, Map<String, Object> body) {
        Map<String, Object> event = Json.copyObject(current);
        merge(event, writable(body));
        return normalised(event, current);
    }

    static String newId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            id.append("0123456789abcdefghijklmnopqrstuv".charAt(RANDOM.nextInt(32)));
        }
        return id.toString();
    }

    private static Map<String, Object> writable(Map<String, Object> body) {
        Map<String, Object> writable = new LinkedHashMap<>();
        body.forEach((k, v) -> {
            if (!READ_ONLY.contains(k)) {
                writable.put(k, Json.copy(v));
            }
        });
        return writable;
    }

    private static void merge(Map<String, Object> into, Map<String, Object> patch) {
        patch.forEach((k, v) -> {
            Map<String, Object> nested = Json.object(v);
            Map<String, Object> existing = Json.object(into.get(k));
            if (v == null) {
                into.remove(k);
            } else if (nested != null && existing != null) {
                merge(existing, nested);
            } else {
                into.put(k, v);
            }
        });
    }

    private static Map<String, Object> normalised(Map<String, Object> event, Map<String, Object> before) {
        Map<String, Object> start = Json.object(event.get("start"));
        Map<String, Object> end = Json.object(event.get("end"));
        if (Rfc3339.of(start) == null) {
            throw GoogleError.badRequest("required", "Missing start time.");
        }
        if (Rfc3339.of(end) == null) {
            throw GoogleError.badRequest("required", "Missing end time.");
        }
        if (Rfc3339.of(end).isBefore(Rfc3339.of(start))) {
            throw GoogleError.badRequest("timeRangeEmpty", "The specified time range is empty.");
        }
        String status = Json.string(event.get("status"));
        if (status == null || !List.of("confirmed", "tentative", "cancelled").contains(status)) {
            throw GoogleError.badRequest("invalid", "Invalid value for: status");
        }
        List<Object> attendees = Json.list(event.get("attendees"));
        if (attendees != null) {
            List<Object> withStatus = new ArrayList<>();
            for (Object a : attendees) {
                Map<String, Object> attendee = Json.object(a);
                if (attendee == null || Json.string(attendee.get("email")) == null) {
                    throw GoogleError.badRequest("required", "Missing attendee email.");
                }
                attendee.putIfAbsent("responseStatus", "needsAction");
                withStatus.add(attendee);
            }
            event.put("attendees", withStatus);
        }
        privateProperties(event);
        reminders(event);
        long sequence = event.get("sequence") instanceof Number n ? n.longValue() : 0L;
        if (before != null) {
            long previous = before.get("sequence") instanceof Number n ? n.longValue() : 0L;
            boolean moved = !Json.write(before.get("start")).equals(Json.write(event.get("start")))
                    || !Json.write(before.get("end")).equals(Json.write(event.get("end")))
                    || !String.valueOf(before.get("location")).equals(String.valueOf(event.get("location")));
            sequence = Math.max(sequence, moved ? previous + 1 : previous);
        }
        event.put("sequence", sequence);
        return event;
    }

    /**
     * {@code reminders}: the calendar's defaults ({@code useDefault: true}, no overrides) or the event's own overrides, not
     * both; at most 5 overrides, each with a method (email, popup) and 0 … 40320 minutes.
     */
    private static void reminders(Map<String, Object> event) {
        Object value = event.get("reminders");
        if (value == null) {
            return;
        }
        Map<String, Object> reminders = Json.object(value);
        if (reminders == null) {
            throw GoogleError.badRequest("invalid", "Invalid value for: reminders");
        }
        List<Object> overrides = Json.list(reminders.get("overrides"));
        if (Boolean.TRUE.equals(reminders.get("useDefault")) && overrides != null && !overrides.isEmpty()) {
            throw GoogleError.badRequest("cannotUseDefaultRemindersAndSpecifyOverride",
                    "Cannot specify both default reminders and overrides at the same time.");
        }
        if (overrides == null) {
            return;
        }
        if (overrides.size() > MAX_REMINDERS) {
            throw GoogleError.badRequest("invalid", "The maximum number of override reminders is " + MAX_REMINDERS + ".");
        }
        for (Object o : overrides) {
            Map<String, Object> reminder = Json.object(o);
            String method = reminder == null ? null : Json.string(reminder.get("method"));
            if (method == null || !REMINDER_METHODS.contains(method)) {
                throw GoogleError.badRequest("invalid", "Invalid value for: reminders.overrides.method");
            }
            if (!(reminder.get("minutes") instanceof Number minutes) || minutes.doubleValue() != Math.floor(minutes.doubleValue())
                    || minutes.longValue() < 0 || minutes.longValue() > MAX_REMINDER_MINUTES) {
                throw GoogleError.badRequest("invalid", "Invalid value for: reminders.overrides.minutes");
            }
        }
    }

    /** Keys longer than 44 characters are dropped without a word, as Google does; over-long values are refused. */
    private static void privateProperties(Map<String, Object> event) {
        Map<String, Object> properties = Json.object(event.get("extendedProperties"));
        if (properties == null) {
            return;
        }
        for (String kind : List.of("private", "shared")) {
            Map<String, Object> values = Json.object(properties.get(kind));
            if (values == null) {
                continue;
            }
            values.keySet().removeIf(k -> k.length() > MAX_PROPERTY_KEY);
            for (Map.Entry<String, Object> e : values.entrySet()) {
                if (!(e.getValue() instanceof String s) || s.length() > MAX_PROPERTY_VALUE) {
                    throw GoogleError.badRequest("invalid", "Invalid extended property value for key " + e.getKey().toLowerCase(Locale.ROOT));
                }
            }
        }
    }
}

package io.schedulr.testsupport.google;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Everyone's calendars and events, in memory. Each person sees only their own calendars; a calendar that is not
 * theirs is a 404, as at Google. Every change gets the next number of one global counter, which sync tokens and
 * incremental lists are made of, and is reported to the {@link ChangeListener} (the watch channels).
 */
final class CalendarStore {
    interface ChangeListener {
        void changed(String calendarId, boolean calendarGone);
    }

    static final class Calendar {
        final String id;
        final String owner;
        final boolean primary;
        final String resourceId;
        final Map<String, Object> settings = new LinkedHashMap<>();
        final Map<String, StoredEvent> events = new LinkedHashMap<>();

        private Calendar(String id, String owner, boolean primary, String resourceId) {
            this.id = id;
            this.owner = owner;
            this.primary = primary;
            this.resourceId = resourceId;
        }

        String summary() {
            return String.valueOf(settings.get("summary"));
        }
    }

    static final class StoredEvent {
        Map<String, Object> json;
        long changeNumber;

        private StoredEvent(Map<String, Object> json, long changeNumber) {
            this.json = json;
            this.changeNumber = changeNumber;
        }

        String status() {
            return String.valueOf(json.get("status"));
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Calendar> calendars = new LinkedHashMap<>();
    private final People people;
    private final Clock clock;
    private final String baseUrl;
    private ChangeListener listener = (calendarId, gone) -> { };
    private long changes;
    private int syncEpoch;

    CalendarStore(People people, Clock clock, String baseUrl) {
        this.people = people;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    void onChange(ChangeListener listener) {
        this.listener = listener;
    }

    synchronized List<Calendar> calendarsOf(String email) {
        primaryOf(email);
        String owner = key(email);
        return calendars.values().stream().filter(c -> c.owner.equals(owner))
                .sorted(java.util.Comparator.comparing((Calendar c) -> !c.primary)).toList();
    }

    /** The caller's calendar by id or {@code primary}; anyone else's, or none, is a 404. */
    synchronized Calendar calendar(String email, String calendarId) {
        if ("primary".equals(calendarId) || key(email).equals(key(calendarId))) {
            return primaryOf(email);
        }
        Calendar calendar = calendars.get(calendarId);
        if (calendar == null || !calendar.owner.equals(key(email))) {
            throw GoogleError.notFound();
        }
        return calendar;
    }

    synchronized Calendar insertCalendar(String email, Map<String, Object> body) {
        String summary = Json.string(body.get("summary"));
        if (summary == null || summary.isBlank()) {
            throw GoogleError.badRequest("required", "Missing title.");
        }
        String id = "c_" + HexFormat.of().formatHex(randomBytes(24)) + "@group.calendar.google.com";
        Calendar calendar = new Calendar(id, key(email), false, newResourceId());
        calendar.settings.put("summary", summary);
        for (String field : List.of("description", "location")) {
            if (body.get(field) instanceof String s) {
                calendar.settings.put(field, s);
            }
        }
        calendar.settings.put("timeZone", body.get("timeZone") instanceof String tz ? tz : people.find(email).zoneInfo());
        calendars.put(id, calendar);
        return calendar;
    }

    synchronized void deleteCalendar(String email, String calendarId) {
        Calendar calendar = calendar(email, calendarId);
        if (calendar.primary) {
            throw GoogleError.badRequest("cannotDeletePrimaryCalendar", "Cannot delete primary calendar.");
        }
        calendars.remove(calendar.id);
        listener.changed(calendar.id, true);
    }

    synchronized Map<String, Object> insertEvent(String email, String calendarId, Map<String, Object> body) {
        Calendar calendar = calendar(email, calendarId);
        Map<String, Object> event = EventResource.create(body, calendar.id, calendar.summary(), key(email), baseUrl, now());
        String id = (String) event.get("id");
        String iCalUid = (String) event.get("iCalUID");
        // A deleted event keeps its id and iCalUID: inserting either again is a 409, as at Google (restore it instead).
        boolean taken = calendar.events.containsKey(id) || calendar.events.values().stream()
                .anyMatch(e -> iCalUid.equals(e.json.get("iCalUID")));
        if (taken) {
            throw GoogleError.duplicate();
        }
        StoredEvent stored = new StoredEvent(event, 0);
        calendar.events.put(id, stored);
        return changed(calendar, stored);
    }

    synchronized Map<String, Object> event(String email, String calendarId, String eventId) {
        return Json.copyObject(stored(calendar(email, calendarId), eventId).json);
    }

    synchronized Map<String, Object> updateEvent(String email, String calendarId, String eventId, String ifMatch, Map<String, Object> body) {
        Calendar calendar = calendar(email, calendarId);
        StoredEvent stored = matching(stored(calendar, eventId), ifMatch);
        stored.json = EventResource.replace(stored.json, body);
        return changed(calendar, stored);
    }

    synchronized Map<String, Object> patchEvent(String email, String calendarId, String eventId, String ifMatch, Map<String, Object> body) {
        Calendar calendar = calendar(email, calendarId);
        StoredEvent stored = matching(stored(calendar, eventId), ifMatch);
        stored.json = EventResource.patch(stored.json, body);
        return changed(calendar, stored);
    }

    /** Deleting marks the event cancelled (incremental sync reports it); deleting it again is 410 {@code deleted}. */
    synchronized void deleteEvent(String email, String calendarId, String eventId, String ifMatch) {
        Calendar calendar = calendar(email, calendarId);
        StoredEvent stored = matching(stored(calendar, eventId), ifMatch);
        if ("cancelled".equals(stored.status())) {
            throw GoogleError.deleted();
        }
        stored.json.put("status", "cancelled");
        changed(calendar, stored);
    }

    synchronized Map<String, Object> listEvents(String email, String calendarId, Map<String, List<String>> query) {
        Calendar calendar = calendar(email, calendarId);
        return EventList.of(calendar, query, changes, syncEpoch, now());
    }

    /** Every sync token given out so far now answers 410 {@code fullSyncRequired}. */
    synchronized void expireSyncTokens() {
        syncEpoch++;
    }

    /** A change made as the person in Google's own UI: applied to each matching event of theirs, watchers told. */
    synchronized int changeEvents(String email, Predicate<Map<String, Object>> match,
                                  java.util.function.UnaryOperator<Map<String, Object>> change) {
        int changed = 0;
        for (Calendar calendar : calendarsOf(email)) {
            for (StoredEvent stored : calendar.events.values()) {
                if (match.test(stored.json)) {
                    stored.json = change.apply(Json.copyObject(stored.json));
                    changed(calendar, stored);
                    changed++;
                }
            }
        }
        return changed;
    }

    /** Every person's events, for a change that reaches other people's calendars too (an invitation's answer). */
    synchronized int changeEventsOfEveryone(Predicate<Map<String, Object>> match,
                                            java.util.function.UnaryOperator<Map<String, Object>> change) {
        int changed = 0;
        for (Calendar calendar : List.copyOf(calendars.values())) {
            for (StoredEvent stored : calendar.events.values()) {
                if (match.test(stored.json)) {
                    stored.json = change.apply(Json.copyObject(stored.json));
                    changed(calendar, stored);
                    changed++;
                }
            }
        }
        return changed;
    }

    /** Copies of every event on the person's calendars, each with its calendar. */
    synchronized List<Map.Entry<Calendar, Map<String, Object>>> allEvents(String email) {
        List<Map.Entry<Calendar, Map<String, Object>>> all = new ArrayList<>();
        for (Calendar calendar : calendarsOf(email)) {
            calendar.events.values().forEach(e -> all.add(Map.entry(calendar, Json.copyObject(e.json))));
        }
        return all;
    }

    synchronized Map<String, Object> calendarJson(Calendar calendar) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "calendar#calendar");
        json.put("etag", "\"" + calendarListUpdated(calendar) + "\"");
        json.put("id", calendar.id);
        json.putAll(calendar.settings);
        json.put("conferenceProperties", Map.of("allowedConferenceSolutionTypes", List.of("hangoutsMeet")));
        return json;
    }

    synchronized Map<String, Object> calendarListEntry(Calendar calendar) {
        Map<String, Object> json = calendarJson(calendar);
        json.put("kind", "calendar#calendarListEntry");
        json.put("colorId", calendar.primary ? "14" : "1");
        json.put("backgroundColor", calendar.primary ? "#9fe1e7" : "#ac725e");
        json.put("foregroundColor", "#000000");
        json.put("selected", true);
        json.put("accessRole", "owner");
        json.put("defaultReminders", List.of());
        if (calendar.primary) {
            json.put("primary", true);
        }
        return json;
    }

    /** What lasts across a restart of a local Google that keeps its state ({@link io.schedulr.testsupport.StateFile}): every calendar and event. */
    synchronized Map<String, Object> export() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("changes", changes);
        json.put("syncEpoch", syncEpoch);
        json.put("calendars", calendars.values().stream().map(c -> {
            Map<String, Object> calendar = new LinkedHashMap<>();
            calendar.put("id", c.id);
            calendar.put("owner", c.owner);
            calendar.put("primary", c.primary);
            calendar.put("resourceId", c.resourceId);
            calendar.put("settings", new LinkedHashMap<>(c.settings));
            calendar.put("events", c.events.values().stream().map(e -> Map.of("json", e.json, "changeNumber", e.changeNumber)).toList());
            return calendar;
        }).toList());
        return json;
    }

    synchronized void restore(Map<String, Object> saved) {
        changes = ((Number) saved.get("changes")).longValue();
        syncEpoch = ((Number) saved.get("syncEpoch")).intValue();
        for (Object entry : Json.list(saved.get("calendars"))) {
            Map<String, Object> json = Json.object(entry);
            Calendar calendar = new Calendar(Json.string(json.get("id")), Json.string(json.get("owner")), Boolean.TRUE.equals(json.get("primary")),
                    Json.string(json.get("resourceId")));
            calendar.settings.putAll(Json.object(json.get("settings")));
            for (Object event : Json.list(json.get("events"))) {
                Map<String, Object> stored = Json.object(event);
                Map<String, Object> body = Json.object(stored.get("json"));
                calendar.events.put(Json.string(body.get("id")), new StoredEvent(body, ((Number) stored.get("changeNumber")).longValue()));
            }
            calendars.put(calendar.id, calendar);
        }
    }

    private Calendar primaryOf(String email) {
        String owner = key(email);
        Calendar primary = calendars.get(owner);
        if (primary == null) {
            People.Person person = people.find(email);
            primary = new Calendar(owner, owner, true, newResourceId());
            primary.settings.put("summary", person.email());
            primary.settings.put("timeZone", person.zoneInfo());
            calendars.put(owner, primary);
        }
        return primary;
    }

    private static StoredEvent stored(Calendar calendar, String eventId) {
        StoredEvent stored = calendar.events.get(eventId);
        if (stored == null) {
            throw GoogleError.notFound();
        }
        return stored;
    }

    /** A conditional write ({@code If-Match}) goes ahead only on the version it names, as at Google: else 412. */
    private static StoredEvent matching(StoredEvent stored, String ifMatch) {
        if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(stored.json.get("etag"))) {
            throw GoogleError.conditionNotMet();
        }
        return stored;
    }

    private Map<String, Object> changed(Calendar calendar, StoredEvent stored) {
        stored.changeNumber = ++changes;
        stored.json.put("etag", "\"" + (3_000_000_000_000_000L + stored.changeNumber) + "\"");
        stored.json.put("updated", now());
        listener.changed(calendar.id, false);
        return Json.copyObject(stored.json);
    }

    private long calendarListUpdated(Calendar calendar) {
        return calendar.events.values().stream().mapToLong(e -> e.changeNumber).max().orElse(0);
    }

    private String now() {
        return Rfc3339.format(clock.instant());
    }

    private static String newResourceId() {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(20));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}

package io.schedulr.testsupport.google;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * events.list: a full listing with filters, or with {@code syncToken} only what changed since (cancelled events
 * included, with their id and status alone unless {@code showDeleted=true}, as Google lists them), paged by
 * {@code pageToken}; the last page carries {@code nextSyncToken}. Pages are cut by change
 * number up to the change that was current on the first page, so changes made while paging come in the next sync.
 */
final class EventList {
    /** Google refuses these together with a sync token. */
    private static final List<String> NOT_WITH_SYNC_TOKEN = List.of("iCalUID", "orderBy", "privateExtendedProperty", "q",
            "sharedExtendedProperty", "timeMin", "timeMax", "updatedMin");

    private EventList() {
    }

    static Map<String, Object> of(CalendarStore.Calendar calendar, Map<String, List<String>> query, long currentChange,
                                  int syncEpoch, String now) {
        String syncToken = first(query, "syncToken");
        long since = 0;
        if (syncToken != null) {
            for (String p : NOT_WITH_SYNC_TOKEN) {
                if (query.containsKey(p)) {
                    throw GoogleError.badRequest("invalid", "Sync token cannot be used together with " + p + ".");
                }
            }
            since = readSyncToken(syncToken, syncEpoch);
        }
        int maxResults = maxResults(first(query, "maxResults"));
        String pageToken = first(query, "pageToken");
        long snapshot = currentChange;
        long after = since;
        int offset = 0;
        if (pageToken != null) {
            long[] page = readPageToken(pageToken);
            snapshot = page[0];
            after = page[1];
            offset = (int) page[2];
        }
        boolean byStartTime = "startTime".equals(first(query, "orderBy"));
        if (byStartTime && !"true".equals(first(query, "singleEvents"))) {
            throw GoogleError.badRequest("badRequest", "The requested ordering is not available for the particular query.");
        }
        boolean showDeleted = "true".equals(first(query, "showDeleted"));
        boolean withDeleted = syncToken != null || showDeleted;
        long lowerBound = byStartTime ? since : after;
        long upperBound = snapshot;
        Predicate<CalendarStore.StoredEvent> matches = e -> e.changeNumber > lowerBound && e.changeNumber <= upperBound
                && (withDeleted || !"cancelled".equals(e.status()));
        matches = matches.and(filters(query));
        List<CalendarStore.StoredEvent> candidates = new ArrayList<>(calendar.events.values().stream().filter(matches).toList());
        if (byStartTime) {
            candidates.sort(Comparator.comparing((CalendarStore.StoredEvent e) -> Rfc3339.of(Json.object(e.json.get("start"))))
                    .thenComparing(e -> (String) e.json.get("id")));
            candidates = candidates.subList(Math.min(offset, candidates.size()), candidates.size());
        } else {
            candidates.sort(Comparator.comparingLong(e -> e.changeNumber));
        }

        List<Object> items = new ArrayList<>();
        candidates.stream().limit(maxResults).forEach(e -> items.add(showDeleted || !"cancelled".equals(e.status())
                ? Json.copyObject(e.json) : tombstone(e)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("kind", "calendar#events");
        answer.put("etag", "\"p" + snapshot + "\"");
        answer.put("summary", calendar.summary());
        if (calendar.settings.get("description") instanceof String d) {
            answer.put("description", d);
        }
        answer.put("updated", now);
        answer.put("timeZone", calendar.settings.get("timeZone"));
        answer.put("accessRole", "owner");
        answer.put("defaultReminders", List.of());
        if (candidates.size() > maxResults) {
            long lastChange = candidates.get(maxResults - 1).changeNumber;
            answer.put("nextPageToken", pageToken(snapshot, byStartTime ? 0 : lastChange, byStartTime ? offset + maxResults : 0));
        } else {
            answer.put("nextSyncToken", syncToken(syncEpoch, snapshot));
        }
        answer.put("items", items);
        return answer;
    }

    /** A deleted event as an incremental sync without {@code showDeleted} lists it: Google guarantees only its id. */
    private static Map<String, Object> tombstone(CalendarStore.StoredEvent event) {
        Map<String, Object> item = new LinkedHashMap<>();
        for (String field : List.of("kind", "etag", "id", "status")) {
            if (event.json.containsKey(field)) {
                item.put(field, event.json.get(field));
            }
        }
        return item;
    }

    private static Predicate<CalendarStore.StoredEvent> filters(Map<String, List<String>> query) {
        Predicate<CalendarStore.StoredEvent> p = e -> true;
        String iCalUid = first(query, "iCalUID");
        if (iCalUid != null) {
            p = p.and(e -> iCalUid.equals(e.json.get("iCalUID")));
        }
        for (String kind : List.of("private", "shared")) {
            for (String condition : query.getOrDefault(kind + "ExtendedProperty", List.of())) {
                int eq = condition.indexOf('=');
                if (eq < 1) {
                    throw GoogleError.badRequest("invalid", "Invalid " + kind + "ExtendedProperty value.");
                }
                String name = condition.substring(0, eq);
                String value = condition.substring(eq + 1);
                p = p.and(e -> {
                    Map<String, Object> properties = Json.object(e.json.get("extendedProperties"));
                    Map<String, Object> values = properties == null ? null : Json.object(properties.get(kind));
                    return values != null && value.equals(values.get(name));
                });
            }
        }
        String timeMin = first(query, "timeMin");
        if (timeMin != null) {
            Instant min = Rfc3339.parse(timeMin, "timeMin");
            p = p.and(e -> Rfc3339.of(Json.object(e.json.get("end"))).isAfter(min));
        }
        String timeMax = first(query, "timeMax");
        if (timeMax != null) {
            Instant max = Rfc3339.parse(timeMax, "timeMax");
            p = p.and(e -> Rfc3339.of(Json.object(e.json.get("start"))).isBefore(max));
        }
        String updatedMin = first(query, "updatedMin");
        if (updatedMin != null) {
            Instant min = Rfc3339.parse(updatedMin, "updatedMin");
            p = p.and(e -> !Instant.parse((String) e.json.get("updated")).isBefore(min));
        }
        String q = first(query, "q");
        if (q != null) {
            String needle = q.toLowerCase(Locale.ROOT);
            p = p.and(e -> List.of("summary", "description", "location").stream()
                    .anyMatch(f -> String.valueOf(e.json.getOrDefault(f, "")).toLowerCase(Locale.ROOT).contains(needle)));
        }
        return p;
    }

    private static int maxResults(String value) {
        if (value == null) {
            return 250;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw GoogleError.badRequest("invalid", "Invalid value '" + value + "'. Values must be within the range: [1, 2500]");
            }
            return Math.min(n, 2500);
        } catch (NumberFormatException e) {
            throw GoogleError.badRequest("invalid", "Invalid value '" + value + "'. Values must be within the range: [1, 2500]");
        }
    }

    static String syncToken(int epoch, long change) {
        return encode("s:" + epoch + ":" + change);
    }

    private static long readSyncToken(String token, int epoch) {
        String[] parts = decode(token, "s", 3);
        if (parts == null) {
            throw GoogleError.badRequest("invalid", "Invalid sync token value.");
        }
        if (Integer.parseInt(parts[1]) != epoch) {
            throw GoogleError.fullSyncRequired();
        }
        return Long.parseLong(parts[2]);
    }

    private static String pageToken(long snapshot, long after, int offset) {
        return encode("p:" + snapshot + ":" + after + ":" + offset);
    }

    private static long[] readPageToken(String token) {
        String[] parts = decode(token, "p", 4);
        if (parts == null) {
            throw GoogleError.badRequest("invalid", "Invalid page token value.");
        }
        return new long[]{Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3])};
    }

    private static String encode(String plain) {
        return "C" + Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String token, String kind, int parts) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token.substring(1)), StandardCharsets.UTF_8);
            String[] split = plain.split(":");
            if (split.length != parts || !split[0].equals(kind)) {
                return null;
            }
            for (int i = 1; i < parts; i++) {
                Long.parseLong(split[i]);
            }
            return split;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}

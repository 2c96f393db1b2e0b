package io.schedulr.testsupport.google;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * freeBusy.query: busy intervals of the caller's calendars, clipped to the range, overlapping events of one calendar as
 * one interval (free/busy shows when, never which events); others' calendars come back as notFound. Cancelled and
 * transparent ("show as available") events are free.
 */
final class FreeBusy {
    private FreeBusy() {
    }

    /** The intervals sorted by start, overlapping ones made one. */
    private static List<Object> merged(List<Object> busy) {
        List<Instant[]> periods = new ArrayList<>();
        for (Object b : busy) {
            Map<String, Object> period = Json.object(b);
            periods.add(new Instant[] {Instant.parse(String.valueOf(period.get("start"))), Instant.parse(String.valueOf(period.get("end")))});
        }
        periods.sort(java.util.Comparator.comparing((Instant[] p) -> p[0]));
        List<Instant[]> joined = new ArrayList<>();
        for (Instant[] p : periods) {
            Instant[] last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && p[0].isBefore(last[1])) {
                if (p[1].isAfter(last[1])) {
                    last[1] = p[1];
                }
            } else {
                joined.add(new Instant[] {p[0], p[1]});
            }
        }
        List<Object> answer = new ArrayList<>();
        joined.forEach(p -> answer.add(Map.of("start", Rfc3339.format(p[0]), "end", Rfc3339.format(p[1]))));
        return answer;
    }

    static Map<String, Object> query(CalendarStore store, String email, Map<String, Object> body) {
        String timeMinText = Json.string(body.get("timeMin"));
        String timeMaxText = Json.string(body.get("timeMax"));
        if (timeMinText == null || timeMaxText == null) {
            throw GoogleError.badRequest("required", timeMinText == null ? "Missing timeMin." : "Missing timeMax.");
        }
        Instant min = Rfc3339.parse(timeMinText, "timeMin");
        Instant max = Rfc3339.parse(timeMaxText, "timeMax");
        if (!max.isAfter(min)) {
            throw GoogleError.badRequest("timeRangeEmpty", "The specified time range is empty.");
        }
        Map<String, Object> calendars = new LinkedHashMap<>();
        for (Object item : Json.list(body.getOrDefault("items", List.of()))) {
            String id = Json.string(Json.object(item) == null ? null : Json.object(item).get("id"));
            if (id == null) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            try {
                CalendarStore.Calendar calendar = store.calendar(email, id);
                List<Object> busy = new ArrayList<>();
                for (Map.Entry<CalendarStore.Calendar, Map<String, Object>> e : store.allEvents(email)) {
                    Map<String, Object> event = e.getValue();
                    if (!e.getKey().id.equals(calendar.id) || "cancelled".equals(event.get("status"))
                            || "transparent".equals(event.get("transparency"))) {
                        continue;
                    }
                    Instant start = Rfc3339.of(Json.object(event.get("start")));
                    Instant end = Rfc3339.of(Json.object(event.get("end")));
                    if (end.isAfter(min) && start.isBefore(max)) {
                        busy.add(Map.of("start", Rfc3339.format(start.isBefore(min) ? min : start),
                                "end", Rfc3339.format(end.isAfter(max) ? max : end)));
                    }
                }
                entry.put("busy", merged(busy));
            } catch (GoogleError notYours) {
                entry.put("errors", List.of(Map.of("domain", "global", "reason", "notFound")));
                entry.put("busy", List.of());
            }
            calendars.put(id, entry);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("kind", "calendar#freeBusy");
        answer.put("timeMin", Rfc3339.format(min));
        answer.put("timeMax", Rfc3339.format(max));
        answer.put("calendars", calendars);
        return answer;
    }
}

package io.schedulr.testsupport.google;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /_control/…}: what tests (and people trying things by hand) do to the local Google that its API cannot —
 * a person revoking access in their Google account, quota and backend failures, slow answers, expired sync tokens, and changes
 * made in Google's own calendar UI, which reach watch channels like any other change. JSON in, JSON out.
 */
final class ControlApi {
    private final OAuthGrants grants;
    private final CalendarStore store;
    private final FailureInjector failures;
    private final SlowAnswers slowAnswers;
    private final InvitationMailer mailer;

    ControlApi(OAuthGrants grants, CalendarStore store, FailureInjector failures, SlowAnswers slowAnswers, InvitationMailer mailer) {
        this.mailer = mailer;
        this.slowAnswers = slowAnswers;
        this.grants = grants;
        this.store = store;
        this.failures = failures;
    }

    void handle(HttpExchange exchange) throws IOException {
        String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        try {
            Map<String, Object> answer = switch (route) {
                case "POST /_control/revoke" -> Map.of("revokedGrants", grants.revokeAll(email(body(exchange))));
                case "POST /_control/fail" -> fail(body(exchange));
                case "GET /_control/fail" -> failures.state();
                case "POST /_control/delay" -> delay(body(exchange));
                case "GET /_control/delay" -> slowAnswers.state();
                case "POST /_control/expire-sync-tokens" -> {
                    store.expireSyncTokens();
                    yield Map.of("expired", true);
                }
                case "GET /_control/events" -> events(GoogleExchange.form(exchange).get("email"));
                case "GET /_control/calendars" -> calendars(GoogleExchange.form(exchange).get("email"));
                case "GET /_control/mails" -> mails(GoogleExchange.form(exchange).get("to"));
                case "POST /_control/events/move" -> move(body(exchange));
                case "POST /_control/events/delete" -> delete(body(exchange));
                case "POST /_control/events/respond" -> respond(body(exchange));
                case "POST /_control/busy" -> busy(body(exchange));
                default -> null;
            };
            if (answer == null) {
                GoogleExchange.json(exchange, 404, Map.of("error", "no such control route: " + route));
            } else {
                GoogleExchange.json(exchange, 200, answer);
            }
        } catch (IllegalArgumentException e) {
            GoogleExchange.json(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
        } catch (GoogleError e) {
            GoogleExchange.json(exchange, e.code(), e.body());
        }
    }

    /**
     * {@code {"email","start","end"}} (RFC 3339): an event on the person's primary calendar, as if they had made it in
     * Google — busy in free/busy over all their calendars, never on the dedicated one.
     */
    private Map<String, Object> busy(Map<String, Object> body) {
        String email = email(body);
        java.time.OffsetDateTime start = time(body, "start");
        java.time.OffsetDateTime end = time(body, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
        Map<String, Object> event = store.insertEvent(email, "primary", Map.of("summary", "Busy (made in Google)",
                "start", Map.of("dateTime", start.toString()), "end", Map.of("dateTime", end.toString())));
        return Map.of("email", email, "calendarId", "primary", "eventId", event.get("id"));
    }

    private static java.time.OffsetDateTime time(Map<String, Object> body, String field) {
        try {
            return java.time.OffsetDateTime.parse(String.valueOf(body.get(field)));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an RFC 3339 time with an offset");
        }
    }

    /**
     * {@code {"count": n, "status": s}}: the next n Calendar calls fail; {@code {"every": n, "status": s}}: every nth call
     * fails until cleared; {@code {"count": 0}} (status optional) clears either.
     */
    private Map<String, Object> fail(Map<String, Object> body) {
        Object status = body.get("status");
        if (body.get("every") instanceof Number every && !body.containsKey("count") && status instanceof Number s) {
            failures.failEvery(every.intValue(), s.intValue());
            return Map.of("failingEvery", every, "status", status);
        }
        if (body.get("count") instanceof Number count && !body.containsKey("every")) {
            if (count.intValue() <= 0 && status == null) {
                failures.failNext(0, 500);
                return Map.of("failing", 0);
            }
            if (status instanceof Number s) {
                failures.failNext(count.intValue(), s.intValue());
                return Map.of("failing", count, "status", status);
            }
        }
        throw new IllegalArgumentException(
                "body must be {\"count\": n, \"status\": 429|403|500}, {\"every\": n, \"status\": 429|403|500} or {\"count\": 0}");
    }

    /**
     * {@code {"count": n, "millis": m}}: the next n Calendar calls wait m ms before they are handled; with
     * {@code "email"} only calls made with that person's tokens; {@code {"count": 0}} clears.
     */
    private Map<String, Object> delay(Map<String, Object> body) {
        if (!(body.get("count") instanceof Number count) || count.intValue() > 0 && !(body.get("millis") instanceof Number)) {
            throw new IllegalArgumentException("body must be {\"count\": n, \"millis\": m, \"email\": optional} or {\"count\": 0}");
        }
        long millis = body.get("millis") instanceof Number m ? m.longValue() : 0;
        String email = body.get("email") instanceof String e ? e : null;
        slowAnswers.delayNext(count.intValue(), millis, email);
        return slowAnswers.state();
    }

    /** The invitation mails Google sent attendees ({@code sendUpdates=all}), oldest first; {@code ?to=} keeps one person's. */
    private Map<String, Object> mails(String to) {
        List<Object> mails = new ArrayList<>();
        for (InvitationMailer.SentMail mail : mailer.mails()) {
            if (to != null && !to.equalsIgnoreCase(mail.to())) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("to", mail.to());
            row.put("method", mail.method());
            row.put("uid", mail.uid());
            row.put("sequence", mail.sequence());
            row.put("subject", mail.subject());
            row.put("calendarId", mail.calendarId());
            row.put("sentAt", mail.sentAt());
            if (mail.error() != null) {
                row.put("error", mail.error());
            }
            mails.add(row);
        }
        return Map.of("mails", mails);
    }

    /** The person's calendars as their calendar list shows them (summary, timeZone, accessRole, primary), without a token. */
    private Map<String, Object> calendars(String email) {
        if (email == null || !email.contains("@")) {
            throw new IllegalArgumentException("email is required");
        }
        return Map.of("items", store.calendarsOf(email).stream().map(store::calendarListEntry).toList());
    }

    private Map<String, Object> events(String email) {
        if (email == null || !email.contains("@")) {
            throw new IllegalArgumentException("email is required");
        }
        List<Object> events = new ArrayList<>();
        for (Map.Entry<CalendarStore.Calendar, Map<String, Object>> e : store.allEvents(email)) {
            Map<String, Object> event = e.getValue();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("calendarId", e.getKey().id);
            row.put("calendarSummary", e.getKey().summary());
            row.put("id", event.get("id"));
            row.put("iCalUID", event.get("iCalUID"));
            row.put("status", event.get("status"));
            row.put("summary", event.get("summary"));
            row.put("description", event.get("description"));
            row.put("location", event.get("location"));
            row.put("start", event.get("start"));
            row.put("end", event.get("end"));
            row.put("sequence", event.get("sequence"));
            row.put("updated", event.get("updated"));
            List<Object> attendees = new ArrayList<>();
            for (Object a : Objects.requireNonNullElse(Json.list(event.get("attendees")), List.of())) {
                Map<String, Object> attendee = Json.object(a);
                attendees.add(Map.of("email", attendee.get("email"), "responseStatus", attendee.get("responseStatus")));
            }
            row.put("attendees", attendees);
            row.put("extendedProperties", event.getOrDefault("extendedProperties", Map.of()));
            events.add(row);
        }
        return Map.of("email", email, "events", events);
    }

    private Map<String, Object> move(Map<String, Object> body) {
        String uid = uid(body);
        Object start = body.get("start");
        Object end = body.get("end");
        if (start == null || end == null) {
            throw new IllegalArgumentException("start and end are required (RFC 3339 strings or event time objects)");
        }
        if (!Rfc3339.of(time(end)).isAfter(Rfc3339.of(time(start)))) {
            throw new IllegalArgumentException("end must be after start");
        }
        int changed = store.changeEvents(email(body), live(uid), event -> {
            long sequence = event.get("sequence") instanceof Number n ? n.longValue() : 0;
            event.put("start", time(start));
            event.put("end", time(end));
            event.put("sequence", sequence + 1);
            return event;
        });
        notifyAttendees(body, InvitationMailer.Change.UPDATED, uid);
        return counted(changed);
    }

    /**
     * {@code "sendUpdates": "all"} in a move or delete: the person chose to notify guests in Google's UI, so the
     * attendees are mailed as through the API.
     */
    private void notifyAttendees(Map<String, Object> body, InvitationMailer.Change change, String uid) {
        String sendUpdates = Json.string(body.get("sendUpdates"));
        if (!"all".equals(sendUpdates) && !"externalOnly".equals(sendUpdates)) {
            return;
        }
        String owner = email(body);
        for (Map.Entry<CalendarStore.Calendar, Map<String, Object>> held : store.allEvents(owner)) {
            if (uid.equals(held.getValue().get("iCalUID"))) {
                mailer.send(change, owner, held.getKey().id, held.getValue());
            }
        }
    }

    private Map<String, Object> delete(Map<String, Object> body) {
        String uid = uid(body);
        int changed = store.changeEvents(email(body), live(uid), event -> {
            event.put("status", "cancelled");
            return event;
        });
        notifyAttendees(body, InvitationMailer.Change.CANCELLED, uid);
        return counted(changed);
    }

    /** The person answers the invitation: their attendee entry changes on every calendar that holds the event. */
    private Map<String, Object> respond(Map<String, Object> body) {
        String email = email(body);
        String response = Json.string(body.get("response"));
        if (response == null || !List.of("accepted", "declined", "tentative", "needsAction").contains(response)) {
            throw new IllegalArgumentException("response must be accepted, declined, tentative or needsAction");
        }
        int changed = store.changeEventsOfEveryone(live(uid(body)).and(e -> attendee(e, email) != null), event -> {
            attendee(event, email).put("responseStatus", response);
            return event;
        });
        return counted(changed);
    }

    private static Map<String, Object> attendee(Map<String, Object> event, String email) {
        for (Object a : Objects.requireNonNullElse(Json.list(event.get("attendees")), List.of())) {
            Map<String, Object> attendee = Json.object(a);
            if (attendee != null && email.equalsIgnoreCase(String.valueOf(attendee.get("email")))) {
                return attendee;
            }
        }
        return null;
    }

    private static java.util.function.Predicate<Map<String, Object>> live(String uid) {
        return e -> uid.equals(e.get("iCalUID")) && !"cancelled".equals(e.get("status"));
    }

    private static Map<String, Object> counted(int changed) {
        if (changed == 0) {
            throw GoogleError.notFound();
        }
        return Map.of("changedEvents", changed);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> time(Object value) {
        if (value instanceof String s) {
            return new LinkedHashMap<>(Map.of("dateTime", s));
        }
        if (value instanceof Map<?, ?> m) {
            return new LinkedHashMap<>((Map<String, Object>) m);
        }
        throw new IllegalArgumentException("a time is an RFC 3339 string or an event time object");
    }

    private static String uid(Map<String, Object> body) {
        String uid = Json.string(body.get("iCalUID"));
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("iCalUID is required");
        }
        return uid;
    }

    private static String email(Map<String, Object> body) {
        String email = Json.string(body.get("email"));
        if (email == null || !email.contains("@")) {
            throw new IllegalArgumentException("email is required");
        }
        return email;
    }

    private static Map<String, Object> body(HttpExchange exchange) throws IOException {
        return Json.parseObject(GoogleExchange.body(exchange));
    }
}

package io.schedulr.testsupport.google;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Google Calendar API v3 under {@code /calendar/v3/}: calendars insert/get/delete, calendarList list/get, events
 * insert/get/update/patch/delete/list/watch, channels.stop, freeBusy.query. Every call needs a live OAuth access
 * token with a calendar scope; a method the client tunnels through POST with {@code X-HTTP-Method-Override} is
 * taken as that method, as Google does.
 */
final class CalendarApi {
    private static final String PREFIX = "/calendar/v3/";
    private static final Set<String> READ = Set.of(Scopes.CALENDAR, Scopes.CALENDAR_READONLY, Scopes.CALENDAR_EVENTS,
            Scopes.CALENDAR_EVENTS_READONLY);
    private static final Set<String> WRITE_EVENTS = Set.of(Scopes.CALENDAR, Scopes.CALENDAR_EVENTS);
    private static final Set<String> WRITE_CALENDARS = Set.of(Scopes.CALENDAR);
    private static final Set<String> FREE_BUSY = Set.of(Scopes.CALENDAR, Scopes.CALENDAR_READONLY, Scopes.CALENDAR_FREEBUSY,
            Scopes.CALENDAR_EVENTS, Scopes.CALENDAR_EVENTS_READONLY);

    private final OAuthGrants grants;
    private final CalendarStore store;
    private final WatchChannels channels;
    private final FailureInjector failures;
    private final SlowAnswers slowAnswers;
    private final String baseUrl;
    private final InvitationMailer mailer;

    CalendarApi(OAuthGrants grants, CalendarStore store, WatchChannels channels, FailureInjector failures, SlowAnswers slowAnswers,
                String baseUrl, InvitationMailer mailer) {
        this.mailer = mailer;
        this.grants = grants;
        this.store = store;
        this.channels = channels;
        this.failures = failures;
        this.slowAnswers = slowAnswers;
        this.baseUrl = baseUrl;
    }

    void handle(HttpExchange exchange) throws IOException {
        try {
            Object answer = route(exchange);
            if (answer == null) {
                GoogleExchange.noContent(exchange);
            } else {
                GoogleExchange.json(exchange, 200, Json.write(answer));
            }
        } catch (GoogleError e) {
            if (e.code() == 401) {
                exchange.getResponseHeaders().set("WWW-Authenticate",
                        "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
            } else if ("insufficientPermissions".equals(e.reason())) {
                exchange.getResponseHeaders().set("WWW-Authenticate",
                        "Bearer realm=\"https://accounts.google.com/\", error=\"insufficient_scope\"");
            }
            GoogleExchange.json(exchange, e.code(), e.body());
        }
    }

    private Object route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
        if ("POST".equals(method) && override != null) {
            method = override.toUpperCase(java.util.Locale.ROOT);
        }
        List<String> path = segments(exchange.getRequestURI().getRawPath());
        OAuthGrants.AccessToken token = grants.findAccessToken(GoogleExchange.bearer(exchange));
        if (token == null) {
            throw GoogleError.unauthorized();
        }
        slowAnswers.await(token.email());
        GoogleError injected = failures.next();
        if (injected != null) {
            throw injected;
        }
        String email = token.email();
        Map<String, List<String>> query = GoogleExchange.query(exchange);
        String route = method + " " + shape(path);
        switch (route) {
            case "GET users/me/calendarList" -> {
                need(token, READ);
                List<Object> items = new ArrayList<>();
                store.calendarsOf(email).forEach(c -> items.add(store.calendarListEntry(c)));
                Map<String, Object> list = new LinkedHashMap<>();
                list.put("kind", "calendar#calendarList");
                list.put("etag", "\"p" + items.size() + "\"");
                list.put("items", items);
                return list;
            }
            case "GET users/me/calendarList/*" -> {
                need(token, READ);
                return store.calendarListEntry(store.calendar(email, path.get(3)));
            }
            case "POST calendars" -> {
                need(token, WRITE_CALENDARS);
                return store.calendarJson(store.insertCalendar(email, body(exchange)));
            }
            case "GET calendars/*" -> {
                need(token, READ);
                return store.calendarJson(store.calendar(email, path.get(1)));
            }
            case "DELETE calendars/*" -> {
                need(token, WRITE_CALENDARS);
                store.deleteCalendar(email, path.get(1));
                return null;
            }
            case "GET calendars/*/events" -> {
                need(token, READ);
                return store.listEvents(email, path.get(1), query);
            }
            case "POST calendars/*/events" -> {
                need(token, WRITE_EVENTS);
                return notify(InvitationMailer.Change.CREATED, email, path.get(1), query,
                        store.insertEvent(email, path.get(1), body(exchange)));
            }
            case "POST calendars/*/events/watch" -> {
                need(token, READ);
                CalendarStore.Calendar calendar = store.calendar(email, path.get(1));
                String resourceUri = baseUrl + "/calendar/v3/calendars/" + java.net.URLEncoder.encode(calendar.id, StandardCharsets.UTF_8)
                        + "/events?alt=json";
                return channels.watch(email, calendar, resourceUri, body(exchange));
            }
            case "GET calendars/*/events/*" -> {
                need(token, READ);
                return store.event(email, path.get(1), path.get(3));
            }
            case "PUT calendars/*/events/*" -> {
                need(token, WRITE_EVENTS);
                return notify(InvitationMailer.Change.UPDATED, email, path.get(1), query,
                        store.updateEvent(email, path.get(1), path.get(3), ifMatch(exchange), body(exchange)));
            }
            case "PATCH calendars/*/events/*" -> {
                need(token, WRITE_EVENTS);
                return notify(InvitationMailer.Change.UPDATED, email, path.get(1), query,
                        store.patchEvent(email, path.get(1), path.get(3), ifMatch(exchange), body(exchange)));
            }
            case "DELETE calendars/*/events/*" -> {
                need(token, WRITE_EVENTS);
                store.deleteEvent(email, path.get(1), path.get(3), ifMatch(exchange));
                if (InvitationMailer.notifies(query)) {
                    notify(InvitationMailer.Change.CANCELLED, email, path.get(1), query, store.event(email, path.get(1), path.get(3)));
                }
                return null;
            }
            case "POST channels/stop" -> {
                channels.stop(email, body(exchange));
                return null;
            }
            case "POST freeBusy" -> {
                need(token, FREE_BUSY);
                return FreeBusy.query(store, email, body(exchange));
            }
            default -> throw GoogleError.notFound();
        }
    }

    /** With {@code sendUpdates=all|externalOnly} the attendees are mailed, as Google does (after the change is stored). */
    private Map<String, Object> notify(InvitationMailer.Change change, String email, String calendarId, Map<String, List<String>> query,
                                       Map<String, Object> event) {
        if (InvitationMailer.notifies(query)) {
            mailer.send(change, email, calendarId, event);
        }
        return event;
    }

    private static void need(OAuthGrants.AccessToken token, Set<String> anyOf) {
        if (token.scopes().stream().noneMatch(anyOf::contains)) {
            throw GoogleError.insufficientScopes();
        }
    }

    /** The etag a conditional write names ({@code If-Match}), or null for an unconditional one. */
    private static String ifMatch(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst("If-Match");
    }

    private static Map<String, Object> body(HttpExchange exchange) throws IOException {
        try {
            return Json.parseObject(GoogleExchange.body(exchange));
        } catch (IllegalArgumentException e) {
            throw GoogleError.badRequest("parseError", "Parse Error");
        }
    }

    private static List<String> segments(String rawPath) {
        String rest = rawPath.startsWith(PREFIX) ? rawPath.substring(PREFIX.length()) : "";
        List<String> segments = new ArrayList<>();
        for (String s : rest.split("/")) {
            if (!s.isEmpty()) {
                segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    /** The path with its ids replaced by {@code *}: {@code calendars/x/events/y} → {@code calendars/ * /events/ *}. */
    private static String shape(List<String> path) {
        String[] shape = path.toArray(new String[0]);
        for (int i = 0; i < shape.length; i++) {
            boolean id = switch (i) {
                case 1 -> "calendars".equals(shape[0]);
                case 3 -> "calendars".equals(shape[0]) && "events".equals(shape[2]) && !"watch".equals(shape[3])
                        || "users".equals(shape[0]);
                default -> false;
            };
            if (id) {
                shape[i] = "*";
            }
        }
        return String.join("/", Arrays.asList(shape));
    }
}

package io.schedulr.testsupport.calcom;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /_control/…}: what tests (and people trying things by hand) do to the local Cal.com that its API cannot — act
 * as the attendee or host on Cal.com's own booking pages, seed members, schedules and event types, play with webhook
 * deliveries, and make the API fail. JSON in, JSON out, no key needed.
 * <ul>
 *   <li>{@code POST /_control/bookings/{uid}/cancel} {@code {"cancellationReason","by":"attendee"|"host"}};
 *       {@code …/reschedule} {@code {"start","reschedulingReason","by"}}; {@code …/request-reschedule}
 *       {@code {"reason"}} (the host asks the attendee to pick another time: BOOKING_CANCELLED with
 *       {@code requestReschedule: true}); {@code …/confirm} and {@code …/decline} {@code {"reason"}} (a host decides on a
 *       booking of an event type made with {@code "requiresConfirmation": true}, which waited as {@code pending} after
 *       BOOKING_REQUESTED: BOOKING_CREATED, or BOOKING_REJECTED with {@code rejectionReason}); {@code GET /_control/bookings}</li>
 *   <li>{@code POST /_control/members} {@code {"name","email","username","timeZone"}};
 *       {@code POST /_control/schedules} {@code {"userId","timeZone","availability":[{"days":["Monday"],"startTime":"09:00","endTime":"17:00"}]}};
 *       {@code POST /_control/event-types} {@code {"slug","title","lengthInMinutes","lengthOptions","teamId"|"ownerId","hostIds","schedulingType",
 *       "requiresConfirmation"}};
 *       {@code GET /_control/directory}</li>
 *   <li>{@code GET /_control/deliveries}; {@code POST /_control/deliveries/hold}; {@code POST /_control/deliveries/release}
 *       {@code {"order":"reverse"|"original"}}; {@code POST /_control/deliveries/{id}/replay};
 *       {@code …/duplicate} {@code {"copies":n}}; {@code …/corrupt}; {@code GET /_control/webhooks};
 *       {@code POST /_control/webhooks/{id}/ping}; {@code POST /_control/rate-limit/reset}</li>
 *   <li>{@code POST /_control/fail} {@code {"count": n, "status": 500|502|503}}: the next n API v2 calls (any key, any
 *       endpoint) are not carried out and answer that status in Cal.com's error envelope, {@code error.code}
 *       {@code InternalServerErrorException}, {@code BadGatewayException} or {@code ServiceUnavailableException};
 *       {@code {"count": n, "status": 429}}: they answer 429 {@code ThrottlerException} with
 *       {@code X-RateLimit-Limit-Default}, {@code X-RateLimit-Remaining-Default: 0} and {@code X-RateLimit-Reset-Default}
 *       (the window in seconds) and no {@code Retry-After}, as the throttler does; {@code {"count": n, "mode": "drop"}}:
 *       the next n calls are carried out (a booking is made) but their answer is lost — the connection is closed
 *       before any byte of it, a network error for the client, which cannot tell whether Cal.com acted. Injected
 *       failures do not count against the rate limit; a new {@code fail} replaces what is left of the previous one,
 *       {@code {"count": 0, "status": 500}} ends it. Answers {@code {"failing": n, "status"|"mode"}}.</li>
 *   <li>{@code GET /_control/calls}: the API v2 calls received (the last 1000, oldest first), each
 *       {@code {"method","path","status","dropped","at"}} with {@code status} 0 for a dropped one — how a test counts
 *       a client's attempts and retries; {@code POST /_control/calls/clear}</li>
 * </ul>
 */
final class ControlApi {
    private final Directory directory;
    private final Bookings bookings;
    private final Webhooks webhooks;
    private final RateLimiter limiter;
    private final FailureInjector failures;
    private final CallLog calls;
    private final Outputs outputs;
    private final Clock clock;

    ControlApi(Directory directory, Bookings bookings, Webhooks webhooks, RateLimiter limiter, FailureInjector failures, CallLog calls,
               Outputs outputs, Clock clock) {
        this.directory = directory;
        this.bookings = bookings;
        this.webhooks = webhooks;
        this.limiter = limiter;
        this.failures = failures;
        this.calls = calls;
        this.outputs = outputs;
        this.clock = clock;
    }

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String[] s = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toArray(String[]::new);
        try {
            Map<String, Object> body = method.equals("POST") ? Json.parseObject(CalcomExchange.body(exchange)) : Map.of();
            Object answer = route(method, s, body);
            if (answer == null) {
                throw CalcomError.notFound("no such control route: " + method + " " + path);
            }
            CalcomExchange.json(exchange, 200, answer);
        } catch (CalcomError e) {
            CalcomExchange.json(exchange, e.status(), e.envelope(path, clock));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            CalcomExchange.json(exchange, 400, CalcomError.badRequest(String.valueOf(e.getMessage())).envelope(path, clock));
        }
    }

    private Object route(String method, String[] s, Map<String, Object> body) {
        String route = method + " " + String.join("/", Arrays.copyOfRange(s, 1, s.length));
        if (route.equals("GET bookings")) {
            return bookings.all().stream().map(outputs::booking).toList();
        }
        if (route.equals("GET directory")) {
            return directory();
        }
        if (route.equals("POST members")) {
            return member(body);
        }
        if (route.equals("POST schedules")) {
            return schedule(body);
        }
        if (route.equals("POST event-types")) {
            return eventType(body);
        }
        if (route.equals("GET deliveries")) {
            return webhooks.deliveries();
        }
        if (route.equals("POST deliveries/hold")) {
            webhooks.hold();
            return Map.of("holding", true);
        }
        if (route.equals("POST deliveries/release")) {
            String order = Json.string(body.get("order"));
            return Map.of("released", webhooks.release(!"original".equals(order)));
        }
        if (route.equals("GET webhooks")) {
            return webhooks.subscriptions().stream().map(V2Api::webhook).toList();
        }
        if (route.equals("POST rate-limit/reset")) {
            limiter.reset();
            return Map.of("reset", true);
        }
        if (route.equals("POST fail")) {
            return fail(body);
        }
        if (route.equals("GET calls")) {
            return calls.all().stream().map(CallLog.Call::view).toList();
        }
        if (route.equals("POST calls/clear")) {
            calls.clear();
            return Map.of("cleared", true);
        }
        if (s.length == 4 && method.equals("POST") && s[1].equals("deliveries")) {
            long id = Long.parseLong(s[2]);
            return switch (s[3]) {
                case "replay" -> webhooks.replay(id).view();
                case "corrupt" -> webhooks.corrupt(id).view();
                case "duplicate" -> webhooks.duplicate(id, Json.number(body.get("copies")) == null ? 2 : Json.number(body.get("copies")).intValue())
                        .stream().map(Delivery::view).toList();
                default -> null;
            };
        }
        if (s.length == 4 && method.equals("POST") && s[1].equals("webhooks") && s[3].equals("ping")) {
            return webhooks.ping(Long.parseLong(s[2])).view();
        }
        if (s.length == 4 && method.equals("POST") && s[1].equals("bookings")) {
            return bookingAction(s[2], s[3], body);
        }
        return null;
    }

    private Map<String, Object> fail(Map<String, Object> body) {
        Long count = Json.number(body.get("count"));
        String mode = Json.string(body.get("mode"));
        Long status = Json.number(body.get("status"));
        if (count == null || (mode == null) == (status == null) || (mode != null && !mode.equals("drop"))) {
            throw CalcomError.badRequest("body must be {\"count\": n, \"status\": 429|500|502|503} or {\"count\": n, \"mode\": \"drop\"}");
        }
        boolean drop = mode != null;
        failures.failNext(count.intValue(), drop ? 0 : status.intValue(), drop);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("failing", count);
        answer.put(drop ? "mode" : "status", drop ? mode : status);
        return answer;
    }

    private Object bookingAction(String uid, String action, Map<String, Object> body) {
        Booking booking = bookings.get(uid);
        String by = "host".equals(Json.string(body.get("by"))) ? directory.user(booking.hostIds.get(0)).email() : booking.attendee.email();
        return switch (action) {
            case "cancel" -> outputs.booking(bookings.cancel(uid, Json.string(body.get("cancellationReason")), by, false, null));
            case "reschedule" -> {
                Instant start = Times.instant(Json.string(body.get("start")), "start");
                yield outputs.booking(bookings.reschedule(uid, start, by, Json.string(body.get("reschedulingReason"))));
            }
            case "request-reschedule" -> outputs.booking(bookings.cancel(uid, Json.string(body.get("reason")),
                    directory.user(booking.hostIds.get(0)).email(), true, null));
            case "confirm" -> outputs.booking(bookings.confirm(uid));
            case "decline" -> outputs.booking(bookings.decline(uid, Json.string(body.get("reason"))));
            default -> null;
        };
    }

    private Map<String, Object> directory() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("owner", outputs.me(directory.owner()));
        out.put("teamId", directory.defaultTeamId());
        out.put("users", directory.users().stream().map(outputs::me).toList());
        out.put("teamEventTypes", directory.eventTypesOfTeam(directory.defaultTeamId()).stream().map(outputs::teamEventType).toList());
        return out;
    }

    private Map<String, Object> member(Map<String, Object> body) {
        String name = required(body, "name");
        String email = required(body, "email");
        String username = required(body, "username");
        String zone = Json.string(body.get("timeZone"));
        Long team = Json.number(body.get("teamId"));
        Directory.User user = directory.addMember(team == null ? directory.defaultTeamId() : team, name, email, username,
                zone == null ? directory.owner().timeZone() : zone, "MEMBER", LocalTime.of(9, 0), LocalTime.of(17, 0));
        return outputs.me(user);
    }

    private Map<String, Object> schedule(Map<String, Object> body) {
        Long userId = Json.number(body.get("userId"));
        if (userId == null) {
            throw CalcomError.badRequest("userId is required");
        }
        List<Directory.Window> windows = new ArrayList<>();
        for (Object raw : Json.list(body.get("availability")) == null ? List.of() : Json.list(body.get("availability"))) {
            Map<String, Object> window = Json.object(raw);
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (Object day : Json.list(window.get("days"))) {
                days.add(DayOfWeek.valueOf(String.valueOf(day).toUpperCase(Locale.ROOT)));
            }
            windows.add(new Directory.Window(days, LocalTime.parse(required(window, "startTime")), LocalTime.parse(required(window, "endTime"))));
        }
        Directory.Schedule schedule = directory.replaceSchedule(userId, required(body, "timeZone"), windows);
        return Map.of("id", schedule.id(), "userId", schedule.userId(), "timeZone", schedule.timeZone(), "windows", windows.size());
    }

    private Map<String, Object> eventType(Map<String, Object> body) {
        Long length = Json.number(body.get("lengthInMinutes"));
        if (length == null) {
            throw CalcomError.badRequest("lengthInMinutes is required");
        }
        Long team = Json.number(body.get("teamId"));
        Long owner = Json.number(body.get("ownerId"));
        List<Long> hosts = new ArrayList<>();
        if (body.get("hostIds") != null) {
            Json.list(body.get("hostIds")).forEach(h -> hosts.add(Json.number(h)));
        } else if (owner != null) {
            hosts.add(owner);
        } else if (team != null) {
            directory.memberships(team).forEach(m -> hosts.add(m.userId()));
        }
        if (team == null && owner == null) {
            throw CalcomError.badRequest("teamId or ownerId is required");
        }
        String schedulingType = Json.string(body.get("schedulingType"));
        List<Integer> options = null;
        if (body.get("lengthOptions") != null) {
            options = new ArrayList<>();
            for (Object m : Json.list(body.get("lengthOptions"))) {
                Long minutes = Json.number(m);
                options.add(minutes == null ? -1 : minutes.intValue());
            }
            // Checked before the type is made, so a refused one leaves nothing behind.
            if (!options.contains(length.intValue()) || options.stream().anyMatch(m -> m < 1)) {
                throw CalcomError.badRequest("lengthOptions must be positive numbers and include lengthInMinutes");
            }
        }
        Directory.EventType type = directory.addEventType(required(body, "slug"), required(body, "title"), length.intValue(), team, team == null ? owner : null,
                hosts, team == null ? null : schedulingType == null ? "collective" : schedulingType);
        if (options != null) {
            type = directory.offerLengths(type.id(), options);
        }
        if (Boolean.TRUE.equals(body.get("requiresConfirmation"))) {
            type = directory.requireConfirmation(type.id());
        }
        return type.teamId() == null ? outputs.eventType(type) : outputs.teamEventType(type);
    }

    private static String required(Map<String, Object> body, String field) {
        String value = Json.string(body.get(field));
        if (value == null || value.isBlank()) {
            throw CalcomError.badRequest(field + " is required");
        }
        return value;
    }
}

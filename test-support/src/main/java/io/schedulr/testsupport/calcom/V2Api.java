package io.schedulr.testsupport.calcom;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cal.com API v2 under {@code /v2/}: each request is counted against its key's rate limit, then needs a valid
 * {@code Authorization: Bearer cal_…} key, then the endpoint's {@code cal-api-version} ({@link ApiVersions}). Answers
 * are {@code {"status":"success","data":…}} or Cal.com's error envelope.
 * <p>
 * Endpoints: {@code GET /v2/me}; {@code GET /v2/event-types} (the key owner's personal event types, or another user's
 * by {@code username}) and {@code GET /v2/event-types/{id}}; {@code GET /v2/teams/{teamId}/event-types}
 * ({@code eventSlug}); {@code GET /v2/teams/{teamId}/memberships} ({@code take}, {@code skip}, {@code emails});
 * {@code GET /v2/slots} ({@code eventTypeId}, {@code start}, {@code end}, {@code timeZone}, {@code duration},
 * {@code format}, {@code bookingUidToReschedule}); {@code POST /v2/bookings} (201), {@code GET /v2/bookings} (by creation;
 * {@link #bookingList}), {@code GET /v2/bookings/{uid}},
 * {@code POST /v2/bookings/{uid}/cancel} (200; as on Cal.com, a booking whose user is the key's owner is cancelled only
 * with a {@code cancellationReason}: 400 "Cancellation reason is required when you are the host"),
 * {@code POST /v2/bookings/{uid}/reschedule} (201);
 * {@code POST|GET /v2/webhooks}, {@code DELETE /v2/webhooks/{id}}.
 * <p>
 * Every call is written to the {@link CallLog}; a failure set with {@code POST /_control/fail} ({@link FailureInjector})
 * is answered before the rate limit and the key are looked at (it does not count against the limit), and a dropped call
 * is carried out in full before its connection is closed.
 * <p>
 * Stricter than Cal.com, on purpose: every endpoint needs the key (Cal.com lets slots and bookings through without
 * one), a wrong version is refused instead of served in an older shape, bookings are made by {@code eventTypeId} only
 * (not by slug and username), and slots are looked up by {@code eventTypeId} only.
 */
final class V2Api {
    private final List<byte[]> apiKeys;
    private final RateLimiter limiter;
    private final Directory directory;
    private final Bookings bookings;
    private final Webhooks webhooks;
    private final Outputs outputs;
    private final Clock clock;
    private final boolean pingOnSubscribe;
    private final FailureInjector failures;
    private final CallLog calls;

    V2Api(List<String> apiKeys, RateLimiter limiter, Directory directory, Bookings bookings, Webhooks webhooks, Outputs outputs, Clock clock,
          boolean pingOnSubscribe, FailureInjector failures, CallLog calls) {
        this.apiKeys = apiKeys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        this.limiter = limiter;
        this.directory = directory;
        this.bookings = bookings;
        this.webhooks = webhooks;
        this.outputs = outputs;
        this.clock = clock;
        this.pingOnSubscribe = pingOnSubscribe;
        this.failures = failures;
        this.calls = calls;
    }

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        FailureInjector.Fault fault = failures.next();
        int status;
        Object body;
        try {
            if (fault != null && fault.error() != null) {
                throw injected(exchange, fault.error());
            }
            String key = CalcomExchange.bearer(exchange);
            RateLimiter.Decision decision = limiter.hit(key != null ? "key:" + key : "ip:" + exchange.getRemoteAddress().getAddress());
            rateLimitHeaders(exchange, decision.limit(), decision.remaining(), decision.resetSeconds());
            if (!decision.allowed()) {
                throw CalcomError.throttled();
            }
            authenticate(key);
            Answer answer = route(exchange, method, path);
            Map<String, Object> success = new LinkedHashMap<>();
            success.put("status", "success");
            success.put("data", answer.data);
            if (answer.pagination != null) {
                success.put("pagination", answer.pagination);
            }
            status = answer.status;
            body = success;
        } catch (CalcomError e) {
            status = e.status();
            body = e.envelope(path, clock);
        }
        if (fault != null && fault.drop()) {
            // carried out, but the answer never leaves: closing the exchange before any header closes the connection
            calls.add(new CallLog.Call(method, path, 0, clock.instant()));
            exchange.close();
            return;
        }
        calls.add(new CallLog.Call(method, path, status, clock.instant()));
        CalcomExchange.json(exchange, status, body);
    }

    /** An injected error; the throttler's 429 carries its headers as if this key had just been blocked for a window. */
    private CalcomError injected(HttpExchange exchange, CalcomError error) {
        if (error.status() == 429) {
            rateLimitHeaders(exchange, limiter.limit(), 0, Math.max(1, limiter.window().toSeconds()));
        }
        return error;
    }

    private static void rateLimitHeaders(HttpExchange exchange, int limit, int remaining, long resetSeconds) {
        exchange.getResponseHeaders().set("X-RateLimit-Limit-Default", String.valueOf(limit));
        exchange.getResponseHeaders().set("X-RateLimit-Remaining-Default", String.valueOf(remaining));
        exchange.getResponseHeaders().set("X-RateLimit-Reset-Default", String.valueOf(resetSeconds));
    }

    private record Answer(int status, Object data, Object pagination) {
        Answer(int status, Object data) {
            this(status, data, null);
        }
    }

    private void authenticate(String key) {
        if (key == null) {
            throw CalcomError.unauthorized("ApiAuthGuard - Invalid Authentication. Please provide a valid API key, access token or OAuth credentials.");
        }
        byte[] sent = key.getBytes(StandardCharsets.UTF_8);
        boolean known = false;
        for (byte[] accepted : apiKeys) {
            known |= MessageDigest.isEqual(accepted, sent);
        }
        if (!known) {
            // the key itself is never echoed, logged or stored beyond the limiter's tracker
            throw CalcomError.unauthorized("ApiKeyAuthStrategy - api key - Invalid API Key");
        }
    }

    private Answer route(HttpExchange exchange, String method, String path) throws IOException {
        String[] s = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toArray(String[]::new);
        // s[0] == "v2"
        if (s.length == 2 && s[1].equals("me") && method.equals("GET")) {
            return new Answer(200, outputs.me(directory.owner()));
        }
        if (s.length == 2 && s[1].equals("event-types") && method.equals("GET")) {
            ApiVersions.check(ApiVersions.EVENT_TYPES, version(exchange), method, path);
            return new Answer(200, eventTypes(CalcomExchange.query(exchange)));
        }
        if (s.length == 3 && s[1].equals("event-types") && method.equals("GET")) {
            ApiVersions.check(ApiVersions.EVENT_TYPES, version(exchange), method, path);
            Directory.EventType type = bookings.eventType(id(s[2], "eventTypeId"));
            return new Answer(200, type.teamId() == null ? outputs.eventType(type) : outputs.teamEventType(type));
        }
        if (s.length == 4 && s[1].equals("teams") && s[3].equals("event-types") && method.equals("GET")) {
            ApiVersions.check(ApiVersions.TEAM_EVENT_TYPES, version(exchange), method, path);
            long teamId = team(s[2]);
            String slug = CalcomExchange.query(exchange).get("eventSlug");
            return new Answer(200, directory.eventTypesOfTeam(teamId).stream().filter(t -> slug == null || t.slug().equals(slug))
                    .map(outputs::teamEventType).toList());
        }
        if (s.length == 4 && s[1].equals("teams") && s[3].equals("memberships") && method.equals("GET")) {
            return new Answer(200, memberships(team(s[2]), CalcomExchange.query(exchange)));
        }
        if (s.length == 2 && s[1].equals("slots") && method.equals("GET")) {
            ApiVersions.check(ApiVersions.SLOTS, version(exchange), method, path);
            return new Answer(200, slots(CalcomExchange.query(exchange)));
        }
        if (s.length >= 2 && s[1].equals("bookings")) {
            return bookingRoute(exchange, method, path, s);
        }
        if (s.length == 2 && s[1].equals("webhooks") && method.equals("POST")) {
            return new Answer(201, subscribe(Json.parseObject(CalcomExchange.body(exchange))));
        }
        if (s.length == 2 && s[1].equals("webhooks") && method.equals("GET")) {
            return new Answer(200, webhooks.subscriptions().stream().map(V2Api::webhook).toList());
        }
        if (s.length == 3 && s[1].equals("webhooks") && method.equals("DELETE")) {
            return new Answer(200, webhook(webhooks.remove(id(s[2], "webhookId"))));
        }
        throw CalcomError.notFound("Cannot " + method + " " + path);
    }

    private Answer bookingRoute(HttpExchange exchange, String method, String path, String[] s) throws IOException {
        if (s.length == 2 && method.equals("GET")) {
            ApiVersions.check(ApiVersions.BOOKINGS, version(exchange), method, path);
            return bookingList(CalcomExchange.query(exchange));
        }
        if (s.length == 2 && method.equals("POST")) {
            ApiVersions.check(ApiVersions.BOOKINGS, version(exchange), method, path);
            return new Answer(201, outputs.booking(bookings.create(bookingRequest(Json.parseObject(CalcomExchange.body(exchange))))));
        }
        if (s.length == 3 && method.equals("GET")) {
            ApiVersions.check(ApiVersions.BOOKINGS, version(exchange), method, path);
            return new Answer(200, outputs.booking(bookings.get(s[2])));
        }
        if (s.length == 4 && s[3].equals("cancel") && method.equals("POST")) {
            ApiVersions.check(ApiVersions.BOOKINGS, version(exchange), method, path);
            Map<String, Object> body = Json.parseObject(CalcomExchange.body(exchange));
            return new Answer(200, outputs.booking(bookings.cancel(s[2], Json.string(body.get("cancellationReason")),
                    directory.owner().email(), false, directory.owner().id())));
        }
        if (s.length == 4 && s[3].equals("reschedule") && method.equals("POST")) {
            ApiVersions.check(ApiVersions.BOOKINGS, version(exchange), method, path);
            Map<String, Object> body = Json.parseObject(CalcomExchange.body(exchange));
            Instant start = Times.instant(Json.string(body.get("start")), "start");
            String by = Json.string(body.get("rescheduledBy"));
            return new Answer(201, outputs.booking(bookings.reschedule(s[2], start, by == null ? directory.owner().email() : by,
                    Json.string(body.get("reschedulingReason")))));
        }
        throw CalcomError.notFound("Cannot " + method + " " + path);
    }

    /**
     * {@code GET /v2/bookings}: the key owner's bookings (they host them), or with {@code teamId} those of the team's event
     * types; filtered by {@code afterCreatedAt}/{@code beforeCreatedAt}, ordered by {@code sortCreated}, a page of
     * {@code take} (at most 250, default 100) after {@code skip}, with Cal.com's {@code pagination} beside {@code data}.
     */
    private Answer bookingList(Map<String, String> query) {
        Long teamId = query.get("teamId") == null ? null : team(query.get("teamId"));
        Instant after = query.get("afterCreatedAt") == null ? null : Times.instant(query.get("afterCreatedAt"), "afterCreatedAt");
        Instant before = query.get("beforeCreatedAt") == null ? null : Times.instant(query.get("beforeCreatedAt"), "beforeCreatedAt");
        String sort = query.getOrDefault("sortCreated", "asc");
        if (!sort.equals("asc") && !sort.equals("desc")) {
            throw CalcomError.badRequest("sortCreated must be one of the following values: asc, desc");
        }
        int skip = query.get("skip") == null ? 0 : (int) id(query.get("skip"), "skip");
        int take = query.get("take") == null ? 100 : (int) id(query.get("take"), "take");
        if (take < 1 || take > 250 || skip < 0) {
            throw CalcomError.badRequest("take must not be greater than 250");
        }
        long owner = directory.owner().id();
        Comparator<Booking> created = Comparator.comparing((Booking b) -> b.createdAt).thenComparing(b -> b.id);
        List<Booking> matching = bookings.all().stream()
                .filter(b -> teamId != null ? teamId.equals(bookings.eventType(b.eventTypeId).teamId()) : b.hostIds.contains(owner))
                .filter(b -> after == null || b.createdAt.isAfter(after))
                .filter(b -> before == null || b.createdAt.isBefore(before))
                .sorted(sort.equals("asc") ? created : created.reversed())
                .toList();
        List<Object> page = matching.stream().skip(skip).limit(take).map(b -> (Object) outputs.booking(b)).toList();
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("totalItems", matching.size());
        pagination.put("remainingItems", Math.max(0, matching.size() - skip - page.size()));
        pagination.put("returnedItems", page.size());
        pagination.put("itemsPerPage", take);
        pagination.put("currentPage", skip / take + 1);
        pagination.put("totalPages", (matching.size() + take - 1) / take);
        pagination.put("hasNextPage", skip + page.size() < matching.size());
        pagination.put("hasPreviousPage", skip > 0);
        return new Answer(200, page, pagination);
    }

    private List<Object> eventTypes(Map<String, String> query) {
        Directory.User user = directory.owner();
        if (query.get("username") != null) {
            user = directory.userByUsername(query.get("username"));
            if (user == null) {
                throw CalcomError.notFound("User with username=" + query.get("username") + " not found");
            }
        } else if (query.get("eventSlug") != null) {
            throw CalcomError.badRequest("When providing eventSlug, username must be provided too");
        }
        String slug = query.get("eventSlug");
        List<Object> out = new ArrayList<>();
        for (Directory.EventType type : directory.eventTypesOfUser(user.id())) {
            if (slug == null || slug.equals(type.slug())) {
                out.add(outputs.eventType(type));
            }
        }
        return out;
    }

    private List<Object> memberships(long teamId, Map<String, String> query) {
        int skip = query.get("skip") == null ? 0 : (int) id(query.get("skip"), "skip");
        int take = query.get("take") == null ? 250 : (int) id(query.get("take"), "take");
        if (take < 1 || take > 250) {
            throw CalcomError.badRequest("take must not be greater than 250");
        }
        List<String> emails = query.get("emails") == null ? null
                : Arrays.stream(query.get("emails").split(",")).map(e -> e.trim().toLowerCase(Locale.ROOT)).toList();
        return directory.memberships(teamId).stream()
                .filter(m -> emails == null || emails.contains(directory.user(m.userId()).email().toLowerCase(Locale.ROOT)))
                .skip(skip).limit(take).map(m -> (Object) outputs.membership(m)).toList();
    }

    private Map<String, Object> slots(Map<String, String> query) {
        if (query.get("eventTypeId") == null) {
            throw CalcomError.badRequest("eventTypeId is required (the local Cal.com finds slots by event type id only)");
        }
        Directory.EventType type = bookings.eventType(id(query.get("eventTypeId"), "eventTypeId"));
        Instant from = Times.bound(query.get("start"), "start", false);
        Instant to = Times.bound(query.get("end"), "end", true);
        if (!from.isBefore(to)) {
            throw CalcomError.badRequest("start must be before end");
        }
        String zoneName = query.getOrDefault("timeZone", "UTC");
        if (!Bookings.validZone(zoneName)) {
            throw CalcomError.badRequest("timeZone must be a valid IANA time zone");
        }
        ZoneId zone = ZoneId.of(zoneName);
        Integer duration = query.get("duration") == null ? null : (int) id(query.get("duration"), "duration");
        int minutes = Bookings.length(type, duration);
        String format = query.get("format");
        if (format != null && !format.equals("range") && !format.equals("time")) {
            throw CalcomError.badRequest("format must be one of the following values: range, time");
        }
        Map<String, Object> byDate = new LinkedHashMap<>();
        for (Instant start : bookings.slots(type, from, to, minutes, query.get("bookingUidToReschedule"))) {
            Map<String, Object> slot = new LinkedHashMap<>();
            slot.put("start", Times.slot(start, zone));
            if ("range".equals(format)) {
                slot.put("end", Times.slot(start.plusSeconds(60L * minutes), zone));
            }
            @SuppressWarnings("unchecked")
            List<Object> day = (List<Object>) byDate.computeIfAbsent(start.atZone(zone).toLocalDate().toString(), k -> new ArrayList<>());
            day.add(slot);
        }
        return byDate;
    }

    private Bookings.Request bookingRequest(Map<String, Object> body) {
        Instant start = Times.instant(Json.string(body.get("start")), "start");
        Long eventTypeId = Json.number(body.get("eventTypeId"));
        if (eventTypeId == null) {
            throw CalcomError.badRequest("eventTypeId is required (the local Cal.com books by event type id only)");
        }
        Map<String, Object> attendee = Json.object(body.get("attendee"));
        if (attendee == null) {
            throw CalcomError.badRequest("attendee must be an object");
        }
        String name = Json.string(attendee.get("name"));
        String email = Json.string(attendee.get("email"));
        String zone = Json.string(attendee.get("timeZone"));
        if (name == null || name.isBlank()) {
            throw CalcomError.badRequest("attendee.name must be a string");
        }
        if (email == null || !email.contains("@")) {
            throw CalcomError.badRequest("attendee.email must be an email");
        }
        if (zone == null || !Bookings.validZone(zone)) {
            throw CalcomError.badRequest("attendee.timeZone must be a valid IANA time zone");
        }
        String language = Json.string(attendee.get("language"));
        List<String> guests = new ArrayList<>();
        if (body.get("guests") != null) {
            List<Object> list = Json.list(body.get("guests"));
            if (list == null) {
                throw CalcomError.badRequest("guests must be an array");
            }
            for (Object guest : list) {
                if (!(guest instanceof String g) || !g.contains("@")) {
                    throw CalcomError.badRequest("each value in guests must be an email");
                }
                guests.add(g);
            }
        }
        Integer length = null;
        if (body.get("lengthInMinutes") != null) {
            Long l = Json.number(body.get("lengthInMinutes"));
            if (l == null || l < 1) {
                throw CalcomError.badRequest("lengthInMinutes must not be less than 1");
            }
            length = l.intValue();
        }
        return new Bookings.Request(eventTypeId, start, length, new Booking.Attendee(name, email, zone, language == null ? "en" : language),
                guests, metadata(body.get("metadata")));
    }

    static Map<String, String> metadata(Object value) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (value == null) {
            return metadata;
        }
        Map<String, Object> map = Json.object(value);
        if (map == null) {
            throw CalcomError.badRequest("metadata must be an object");
        }
        if (map.size() > 50) {
            throw CalcomError.badRequest("Metadata must have at most 50 keys, each key up to 40 characters, and string values up to 500 characters.");
        }
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (e.getKey().length() > 40 || !(e.getValue() instanceof String v) || v.length() > 500) {
                throw CalcomError.badRequest("Metadata must have at most 50 keys, each key up to 40 characters, and string values up to 500 characters.");
            }
            metadata.put(e.getKey(), v);
        }
        return metadata;
    }

    private Map<String, Object> subscribe(Map<String, Object> body) {
        if (!(body.get("active") instanceof Boolean active)) {
            throw CalcomError.badRequest("active must be a boolean value");
        }
        List<Object> rawTriggers = Json.list(body.get("triggers"));
        List<String> triggers = new ArrayList<>();
        if (rawTriggers != null) {
            rawTriggers.forEach(t -> triggers.add(String.valueOf(t)));
        }
        Webhooks.Subscription subscription = webhooks.subscribe(directory.owner().id(), Json.string(body.get("subscriberUrl")), triggers,
                Json.string(body.get("secret")), active, Json.string(body.get("payloadTemplate")));
        if (pingOnSubscribe && active) {
            webhooks.ping(subscription.id());
        }
        return webhook(subscription);
    }

    static Map<String, Object> webhook(Webhooks.Subscription subscription) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("payloadTemplate", subscription.payloadTemplate());
        out.put("triggers", subscription.triggers());
        out.put("version", "2021-10-20");
        out.put("userId", subscription.userId());
        out.put("id", subscription.id());
        out.put("subscriberUrl", subscription.subscriberUrl());
        out.put("active", subscription.active());
        if (subscription.secret() != null) {
            out.put("secret", subscription.secret());
        }
        return out;
    }

    private long team(String raw) {
        long teamId = id(raw, "teamId");
        if (directory.team(teamId) == null) {
            throw CalcomError.notFound("Team with id=" + teamId + " not found");
        }
        return teamId;
    }

    private static long id(String raw, String name) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw CalcomError.badRequest("Validation failed (numeric string is expected): " + name);
        }
    }

    private static String version(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst(ApiVersions.HEADER);
    }
}

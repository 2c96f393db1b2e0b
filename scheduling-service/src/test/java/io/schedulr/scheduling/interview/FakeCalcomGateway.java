package io.schedulr.scheduling.interview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * A stand-in for calcom-gateway's API as docs/calcom-gateway-api.md describes it (the real gateway and the local Cal.com
 * are exercised end to end in deploy's tests). Two event types: 1001 (30 min, host 101) and 1002 (60 min, also 30, 45,
 * 90; hosts 101 and 102); free slots 09:00, 10:00 and 11:00 UTC every day; bookings answered as the gateway does.
 * Tests steer and read it over HTTP ({@code /_fake/...}) because Quarkus loads test classes in more than one class loader:
 * {@code POST /_fake/script} with e.g. {@code 503,422} makes the next booking calls fail so; {@code POST /_fake/pending-next}
 * answers the next booking {@code pending} (an event type that needs its host's confirmation); {@code GET /_fake/bookings}
 * lists the booking requests received.
 */
public final class FakeCalcomGateway {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HttpServer server;
    private static final Queue<Integer> SCRIPT = new ConcurrentLinkedQueue<>();
    private static final ArrayNode BOOKINGS = JSON.createArrayNode();
    /** Cancel and reschedule requests received: {uid, action, body}. */
    private static final ArrayNode CHANGES = JSON.createArrayNode();
    private static final Map<String, ObjectNode> BY_UID = new HashMap<>();
    private static final java.util.concurrent.atomic.AtomicBoolean PENDING_NEXT = new java.util.concurrent.atomic.AtomicBoolean();

    private FakeCalcomGateway() {
    }

    public static synchronized String start() throws IOException {
        if (server == null) {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
            server.createContext("/api/calcom/event-types", ex -> guarded(ex, () -> answer(ex, 200, eventTypes())));
            server.createContext("/api/calcom/slots", ex -> guarded(ex, () -> slots(ex)));
            server.createContext("/api/calcom/bookings", ex -> guarded(ex, () -> {
                String path = ex.getRequestURI().getPath();
                if (path.endsWith("/cancel") || path.endsWith("/reschedule")) {
                    change(ex, path);
                } else if ("GET".equals(ex.getRequestMethod())) {
                    ObjectNode found;
                    synchronized (BOOKINGS) {
                        found = BY_UID.get(path.substring(path.lastIndexOf('/') + 1));
                    }
                    answer(ex, found == null ? 404 : 200, found == null ? error("calcom_not_found", "No such booking.") : found);
                } else {
                    book(ex);
                }
            }));
            server.createContext("/_fake/script", ex -> {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim();
                SCRIPT.clear();
                if (!body.isEmpty()) {
                    for (String s : body.split(",")) {
                        SCRIPT.add(Integer.parseInt(s.trim()));
                    }
                }
                answer(ex, 204, null);
            });
            server.createContext("/_fake/pending-next", ex -> {
                ex.getRequestBody().readAllBytes();
                PENDING_NEXT.set(true);
                answer(ex, 204, null);
            });
            // The host asks on Cal.com for a new time: the booking is cancelled, and may still be rescheduled (as on Cal.com).
            server.createContext("/_fake/request-reschedule", ex -> changeOnCalcom(ex, b -> b.put("status", "cancelled")
                    .put("rescheduleRequested", true)));
            // Someone cancels the booking on Cal.com itself (or moves it there, which cancels it under its uid).
            server.createContext("/_fake/cancel-on-calcom", ex -> changeOnCalcom(ex, b -> b.put("status", "cancelled")));
            // Someone moves the booking on Cal.com itself: cancelled under its uid, replaced by a new booking.
            server.createContext("/_fake/move-on-calcom", ex -> changeOnCalcom(ex, b -> b.put("status", "cancelled")
                    .put("rescheduledToUid", "moved" + UUID.randomUUID().toString().replace("-", "").substring(0, 17))));
            server.createContext("/_fake/changes", ex -> {
                synchronized (BOOKINGS) {
                    answer(ex, 200, CHANGES.deepCopy());
                }
            });
            server.createContext("/_fake/bookings", ex -> {
                synchronized (BOOKINGS) {
                    answer(ex, 200, BOOKINGS.deepCopy());
                }
            });
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
        }
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** A change made on Cal.com's own pages to the booking whose uid is the request's body; its webhook is up to the test. */
    private static void changeOnCalcom(HttpExchange ex, java.util.function.Consumer<ObjectNode> change) throws IOException {
        String uid = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim();
        synchronized (BOOKINGS) {
            ObjectNode booking = BY_UID.get(uid);
            if (booking != null) {
                change.accept(booking);
            }
        }
        answer(ex, 204, null);
    }

    private interface Handler {
        void handle() throws IOException;
    }

    private static void guarded(HttpExchange ex, Handler handler) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || auth.length() < 20) {
            answer(ex, 401, error("unauthorized", "Sign in first."));
            return;
        }
        try {
            handler.handle();
        } catch (RuntimeException e) {
            answer(ex, 400, error("invalid_request", String.valueOf(e.getMessage())));
        }
    }

    private static ArrayNode eventTypes() {
        ArrayNode types = JSON.createArrayNode();
        types.add(type(1001, "Interview (30 min)", 30, List.of(30), List.of(101L)));
        types.add(type(1002, "Interview (flexible)", 60, List.of(30, 45, 60, 90), List.of(101L, 102L)));
        return types;
    }

    private static ObjectNode type(long id, String title, int length, List<Integer> options, List<Long> hosts) {
        ObjectNode t = JSON.createObjectNode();
        t.put("id", id).put("title", title).put("slug", "interview-" + id).put("description", "A " + title).put("lengthInMinutes", length);
        options.forEach(t.putArray("lengthOptions")::add);
        t.put("teamId", 11).put("schedulingType", "collective");
        ArrayNode h = t.putArray("hosts");
        for (long host : hosts) {
            h.addObject().put("userId", host).put("name", host == 101 ? "Ada Host" : "Bob Host").put("username", "host-" + host);
        }
        t.put("bookingUrl", "https://cal.com/team/schedulr/interview-" + id);
        return t;
    }

    private static JsonNode typeById(long id) {
        for (JsonNode t : eventTypes()) {
            if (t.path("id").asLong() == id) {
                return t;
            }
        }
        return null;
    }

    private static void slots(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex);
        JsonNode type = typeById(Long.parseLong(q.get("eventTypeId")));
        if (type == null) {
            answer(ex, 404, error("calcom_not_found", "Cal.com has no such event type."));
            return;
        }
        ZoneId zone = ZoneId.of(q.getOrDefault("timeZone", "UTC"));
        Instant from = Instant.parse(q.get("start"));
        Instant to = Instant.parse(q.get("end"));
        int length = q.containsKey("lengthInMinutes") ? Integer.parseInt(q.get("lengthInMinutes")) : type.path("lengthInMinutes").asInt();
        ArrayNode slots = JSON.createArrayNode();
        for (LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC); !day.atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(to); day = day.plusDays(1)) {
            for (int hour = 9; hour <= 11; hour++) {
                Instant start = day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
                if (!start.isBefore(from) && start.isBefore(to)) {
                    slots.addObject().put("start", OffsetDateTime.ofInstant(start, zone).toString())
                            .put("end", OffsetDateTime.ofInstant(start.plusSeconds(60L * length), zone).toString());
                }
            }
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("eventTypeId", type.path("id").asLong()).put("timeZone", zone.getId()).put("schedulingType", "collective")
                .put("everyHostAttends", true);
        body.set("slots", slots);
        ArrayNode members = body.putArray("members");
        for (JsonNode host : type.path("hosts")) {
            ObjectNode m = members.addObject();
            m.set("member", host);
            m.set("slots", slots);
        }
        answer(ex, 200, body);
    }

    private static void book(HttpExchange ex) throws IOException {
        JsonNode body = JSON.readTree(ex.getRequestBody());
        synchronized (BOOKINGS) {
            BOOKINGS.add(body);
        }
        Integer scripted = SCRIPT.poll();
        if (scripted != null) {
            answer(ex, scripted, error(scripted == 422 ? "calcom_rejected" : "calcom_unavailable", "Scripted failure " + scripted + "."));
            return;
        }
        JsonNode type = typeById(body.path("eventTypeId").asLong());
        if (type == null) {
            answer(ex, 404, error("calcom_not_found", "Cal.com has no such event type."));
            return;
        }
        int length = body.hasNonNull("lengthInMinutes") ? body.path("lengthInMinutes").asInt() : type.path("lengthInMinutes").asInt();
        boolean offered = false;
        for (JsonNode n : type.path("lengthOptions")) {
            offered |= n.asInt() == length;
        }
        if (!offered) {
            answer(ex, 422, error("calcom_rejected", "Cal.com refused: invalid duration."));
            return;
        }
        String uid = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        Instant start = Instant.parse(body.path("start").asText());
        ObjectNode b = JSON.createObjectNode();
        b.put("uid", uid).put("id", BOOKINGS.size()).put("interviewId", body.path("interviewId").asText()).put("title", type.path("title").asText())
                .put("status", PENDING_NEXT.getAndSet(false) ? "pending" : "accepted").put("start", start.toString())
                .put("end", start.plusSeconds(60L * length).toString()).put("eventTypeId", type.path("id").asLong()).put("meetingUrl", "https://app.cal.com/video/" + uid).put("icsUid", uid + "@Cal.com");
        synchronized (BOOKINGS) {
            BY_UID.put(uid, b);
        }
        answer(ex, 201, b);
    }

    /** Cancels, or moves to a new uid with the same length, a booking made here, as the gateway answers. */
    private static void change(HttpExchange ex, String path) throws IOException {
        String[] parts = path.split("/");
        String uid = parts[parts.length - 2];
        String action = parts[parts.length - 1];
        JsonNode body = JSON.readTree(ex.getRequestBody());
        ObjectNode previous;
        synchronized (BOOKINGS) {
            CHANGES.addObject().put("uid", uid).put("action", action).set("body", body);
            previous = BY_UID.get(uid);
        }
        Integer scripted = SCRIPT.poll();
        if (scripted != null) {
            answer(ex, scripted, error(scripted == 422 ? "calcom_rejected" : "calcom_unavailable", "Scripted failure " + scripted + "."));
            return;
        }
        if (previous == null) {
            answer(ex, 404, error("calcom_not_found", "No booking " + uid + "."));
            return;
        }
        boolean reschedulable = action.equals("reschedule") && previous.path("rescheduleRequested").asBoolean(false)
                && !previous.has("rescheduledToUid");
        String status = previous.path("status").asText();
        if (!"accepted".equals(status) && !"pending".equals(status) && !reschedulable) {
            answer(ex, 400, error("calcom_rejected", "This booking has already been cancelled."));
            return;
        }
        previous.put("status", "cancelled");
        if (action.equals("cancel")) {
            previous.put("cancellationReason", body.path("cancellationReason").asText(null));
            answer(ex, 200, previous);
            return;
        }
        Instant start = Instant.parse(body.path("start").asText());
        long seconds = Instant.parse(previous.path("end").asText()).getEpochSecond() - Instant.parse(previous.path("start").asText()).getEpochSecond();
        String newUid = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        previous.put("rescheduledToUid", newUid);
        ObjectNode b = previous.deepCopy();
        b.remove(List.of("rescheduleRequested", "rescheduledToUid"));
        b.put("uid", newUid).put("status", "accepted").put("start", start.toString()).put("end", start.plusSeconds(seconds).toString())
                .put("meetingUrl", "https://app.cal.com/video/" + newUid).put("rescheduledFromUid", uid);
        synchronized (BOOKINGS) {
            BY_UID.put(newUid, b);
        }
        answer(ex, 201, b);
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static ObjectNode error(String code, String message) {
        return JSON.createObjectNode().put("code", code).put("message", message);
    }

    private static void answer(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        if (body != null) {
            ex.getResponseHeaders().add("Content-Type", "application/json");
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }
}

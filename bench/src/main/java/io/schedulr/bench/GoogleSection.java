package io.schedulr.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;

/**
 * Issue 14 §4, the local Google on loopback and everything over HTTP like the rest of the bench:
 * (a) booked → the event on the host's Google calendar, from the booking's HTTP 200 until {@code GET /_control/events}
 * shows it (found by the private property {@code schedulrRoomId});
 * (b) a move made in Google ({@code POST /_control/events/move}) → scheduling-service's {@code GET} of the room shows the
 * new start;
 * (c) a batch booked while every {@code bench.googleFailEvery}-th (3rd) Calendar API call answers 429
 * ({@code POST /_control/fail {"every": 3, "status": 429}}): every booked room must end with exactly one event.
 * Sizes: {@code bench.google} (50 rooms for a and b), {@code bench.googleRate} (5 bookings or moves per second),
 * {@code bench.googleBatch} (50 rooms for c), {@code bench.googleFailEvery} (3), {@code bench.googlePollMs} (25),
 * {@code bench.googleTimeout} (120 s to wait for the last one).
 */
final class GoogleSection {
    interface Minter {
        List<Api.User> mint(String prefix, int n) throws Exception;
    }

    interface Db {
        Connection open(String database) throws Exception;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int rooms = Integer.getInteger("bench.google", 50);
    private final int rate = Integer.getInteger("bench.googleRate", 5);
    private final int batch = Integer.getInteger("bench.googleBatch", 50);
    private final int failEvery = Integer.getInteger("bench.googleFailEvery", 3);
    private final int pollMs = Integer.getInteger("bench.googlePollMs", 25);
    private final int timeoutSeconds = Integer.getInteger("bench.googleTimeout", 120);

    private final Api api;
    private final Minter minter;
    private final Db db;
    private final IntFunction<String> slot;
    private final List<String> table;
    private final List<String> failures;
    private final Map<String, String> bookedBy;
    private final Map<String, Integer> expectedMail;

    GoogleSection(Api api, Minter minter, Db db, IntFunction<String> slot, List<String> table, List<String> failures,
                  Map<String, String> bookedBy, Map<String, Integer> expectedMail) {
        this.api = api;
        this.minter = minter;
        this.db = db;
        this.slot = slot;
        this.table = table;
        this.failures = failures;
        this.bookedBy = bookedBy;
        this.expectedMail = expectedMail;
    }

    void run() throws Exception {
        long connected = System.nanoTime();
        List<Api.User> hosts = minter.mint("google-host-", rooms);
        List<Api.User> guests = minter.mint("google-guest-", rooms);
        hosts.forEach(h -> expectedMail.merge(h.email(), Bench.HOST_MAILS, Integer::sum));
        table.add(Bench.section("Google (issue 14 section 4): the local Google on loopback, all over HTTP; " + rooms + " rooms, each its own"
                + " host and guest, booked then moved in Google at " + rate + "/s; then " + batch + " more booked at once while 1 in "
                + failEvery + " Calendar API calls answers 429 (/_control/fail every=" + failEvery + "); the bench polls every " + pollMs + " ms"));
        table.add(Bench.row("", "count", "p50", "p99", "max"));

        // (a) booked -> event on the host's Google calendar
        List<String> ids = createRooms(hosts, 400_000);
        Thread.sleep(2000); // the room-created events pass before the clock starts
        Bench.log("google: %d bookings at %d/s, polling the local Google every %d ms for each room's event ...", rooms, rate, pollMs);
        Map<Integer, JsonNode> events = new ConcurrentHashMap<>();
        Poller landed = new Poller(rooms, i -> {
            JsonNode e = liveEvent(hosts.get(i).email(), ids.get(i));
            if (e != null) {
                events.put(i, e);
            }
            return e != null;
        });
        paced(rooms, i -> {
            Api.Answer a = api.book(guests.get(i), ids.get(i));
            if (a.ok()) {
                landed.started(i);
                booked(ids.get(i), guests.get(i));
            } else {
                failure("google: booking of free room " + ids.get(i) + " answered " + a.status() + ": " + a.body());
            }
        });
        boolean allLanded = landed.awaitAll(timeoutSeconds);
        landed.close();
        table.add(Bench.row("booked -> event on host's Google calendar", landed.doneCount() + "/" + landed.startedCount(),
                Bench.ms(landed.percentileMs(50)), Bench.ms(landed.percentileMs(99)), Bench.ms(landed.percentileMs(100))));
        if (!allLanded) {
            failure("google: only " + landed.doneCount() + " of " + landed.startedCount() + " booked rooms had their event at the local Google "
                    + timeoutSeconds + " s after the last booking");
        }

        // (b) Google-side move -> room rescheduled in the app. A change made in Google reaches the app through the host's
        // push channel, which calendar-sync-service opens on its watch round (SCHEDULR_WATCH_POLL, 30 s), not at connection:
        // moves are made once every host's channel is active (the steady state), and the wait is reported.
        Bench.log("google: waiting until the push channels of the %d hosts are active ...", rooms);
        int channels = awaitChannels(hosts, timeoutSeconds);
        double channelsAfter = (System.nanoTime() - connected) / 1e9;
        table.add(Bench.row("hosts' push channels active (moves wait)", channels + "/" + rooms,
                String.format("%.1f s after connect", channelsAfter), "", "watch round 30 s"));
        if (channels < rooms) {
            failure("google: only " + channels + " of " + rooms + " hosts had an active push channel " + timeoutSeconds + " s later");
        }
        Instant[] moveTo = new Instant[rooms];
        for (Map.Entry<Integer, JsonNode> e : events.entrySet()) {
            moveTo[e.getKey()] = time(e.getValue().path("start")).plus(Duration.ofDays(1));
        }
        Bench.log("google: %d moves in Google at %d/s, polling scheduling-service every %d ms for the new start ...", events.size(), rate, pollMs);
        Poller moved = new Poller(rooms, i -> {
            Api.Answer a = api.room(hosts.get(i), ids.get(i));
            return a.status() == 200 && moveTo[i].equals(Instant.parse(JSON.readTree(a.body()).path("datetimeUtc").asText()));
        });
        paced(rooms, i -> {
            JsonNode event = events.get(i);
            if (event == null) {
                return;
            }
            Instant end = time(event.path("end")).plus(Duration.ofDays(1));
            moved.started(i);
            Api.Answer a = api.googlePost("events/move", "{\"email\":\"" + hosts.get(i).email() + "\",\"iCalUID\":\""
                    + event.path("iCalUID").asText() + "\",\"start\":\"" + moveTo[i] + "\",\"end\":\"" + end + "\"}");
            if (a.status() != 200) {
                moved.forget(i);
                failure("google: moving the event of room " + ids.get(i) + " answered " + a.status() + ": " + a.body());
            }
        });
        boolean allMoved = moved.awaitAll(timeoutSeconds);
        moved.close();
        table.add(Bench.row("move in Google -> room shows new start", moved.doneCount() + "/" + moved.startedCount(),
                Bench.ms(moved.percentileMs(50)), Bench.ms(moved.percentileMs(99)), Bench.ms(moved.percentileMs(100))));
        if (!allMoved) {
            failure("google: only " + moved.doneCount() + " of " + moved.startedCount() + " rooms moved in Google showed the new start "
                    + timeoutSeconds + " s after the last move");
        }

        // (c) a batch booked while every n-th Calendar API call fails with 429: nothing lost, nothing doubled
        List<Api.User> batchHosts = new ArrayList<>();
        List<Api.User> batchGuests = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            batchHosts.add(hosts.get(i % rooms));
            batchGuests.add(guests.get(i % rooms));
        }
        List<String> batchIds = createRooms(batchHosts, 500_000);
        Thread.sleep(2000);
        Poller throttled = new Poller(batch, i -> liveEvent(batchHosts.get(i).email(), batchIds.get(i)) != null);
        JsonNode countersBefore = JSON.readTree(api.googleGet("fail").body());
        Api.Answer set = api.googlePost("fail", "{\"every\":" + failEvery + ",\"status\":429}");
        if (set.status() != 200 || !set.body().contains("failingEvery")) {
            throttled.close();
            failure("google: the local Google did not take {\"every\": " + failEvery + ", \"status\": 429}: " + set.status() + " " + set.body());
            return;
        }
        Instant windowStart = Instant.now();
        long t0 = System.nanoTime();
        long lastBooked;
        boolean allThrottledLanded;
        try {
            Bench.log("google: %d bookings at once while 1 in %d Calendar API calls answers 429 ...", batch, failEvery);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    Api.Answer a = api.book(batchGuests.get(n), batchIds.get(n));
                    if (a.ok()) {
                        throttled.started(n);
                        booked(batchIds.get(n), batchGuests.get(n));
                    } else {
                        failure("google: booking of free room " + batchIds.get(n) + " under 429s answered " + a.status() + ": " + a.body());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            lastBooked = System.nanoTime();
            allThrottledLanded = throttled.awaitAll(timeoutSeconds);
        } finally {
            Api.Answer clear = api.googlePost("fail", "{\"count\":0}");
            if (clear.status() != 200) {
                failure("google: clearing the failure mode answered " + clear.status() + ": " + clear.body());
            }
            throttled.close();
        }
        Instant windowEnd = Instant.now();
        JsonNode countersAfter = JSON.readTree(api.googleGet("fail").body());
        long calls = countersAfter.path("calls").asLong() - countersBefore.path("calls").asLong();
        long injected = countersAfter.path("injected").asLong() - countersBefore.path("injected").asLong();
        double allLandedAfterFirst = (throttled.lastDone() - t0) / 1e6;
        double allLandedAfterLast = (throttled.lastDone() - lastBooked) / 1e6;
        table.add(Bench.row("under 429: booked -> event", throttled.doneCount() + "/" + throttled.startedCount(),
                Bench.ms(throttled.percentileMs(50)), Bench.ms(throttled.percentileMs(99)), Bench.ms(throttled.percentileMs(100))));
        table.add(Bench.row("under 429: all events there", String.format("%.1f s", (lastBooked - t0) / 1e9) + " to book",
                allThrottledLanded ? String.format("%.1f s after 1st sent", allLandedAfterFirst / 1000) : "not all",
                "", allThrottledLanded ? String.format("%.1f s after last 200", allLandedAfterLast / 1000) : ""));
        if (!allThrottledLanded) {
            failure("google: under 429s only " + throttled.doneCount() + " of " + throttled.startedCount() + " booked rooms had their event "
                    + timeoutSeconds + " s after the last booking");
        }
        table.add(Bench.row("  local Google: Calendar calls / 429s", calls + " / " + injected, "all callers, window", "", ""));
        if (injected == 0) {
            failure("google: the local Google answered no Calendar API call with 429 during the batch (" + calls + " calls)");
        }
        // Exactly one event per booked room, a few seconds later (a doubled insert would show by then).
        Thread.sleep(3000);
        throttlingDetails(batchIds, windowStart, windowEnd);
        int checked = 0;
        int wrong = 0;
        Map<String, List<String>> roomsOfHost = new TreeMap<>();
        for (int i = 0; i < rooms; i++) {
            roomsOfHost.computeIfAbsent(hosts.get(i).email(), k -> new ArrayList<>()).add(ids.get(i));
        }
        for (int i = 0; i < batch; i++) {
            roomsOfHost.computeIfAbsent(batchHosts.get(i).email(), k -> new ArrayList<>()).add(batchIds.get(i));
        }
        for (Map.Entry<String, List<String>> e : roomsOfHost.entrySet()) {
            JsonNode listed = JSON.readTree(api.googleGet("events?email=" + e.getKey()).body()).path("events");
            for (String room : e.getValue()) {
                if (!bookedBy.containsKey(room)) {
                    continue;
                }
                checked++;
                int all = 0;
                int live = 0;
                for (JsonNode ev : listed) {
                    if (room.equals(ev.path("extendedProperties").path("private").path("schedulrRoomId").asText())) {
                        all++;
                        live += "cancelled".equals(ev.path("status").asText()) ? 0 : 1;
                    }
                }
                if (all != 1 || live != 1) {
                    wrong++;
                    failure("google: room " + room + " has " + all + " events (" + live + " live) on " + e.getKey()
                            + "'s Google calendars; must be exactly one");
                }
            }
        }
        table.add(Bench.row("booked rooms with exactly one event", (checked - wrong) + "/" + checked, "(a) + (c), 3 s after", "", ""));
        table.add(Bench.row("bench polls of the local Google / app", landed.requests() + throttled.requests() + " / " + moved.requests(),
                String.format("cycle %.0f ms (mean)", landed.busyCycleMs()), "", String.format("max %.0f ms", landed.maxCycleMs())));
    }

    /** What the mirror met for the batch's rooms: its audited Google calls by outcome, and how many jobs were retried. */
    private void throttlingDetails(List<String> batchIds, Instant from, Instant to) throws Exception {
        try (Connection c = db.open("calendar_sync")) {
            PreparedStatement q = c.prepareStatement("SELECT split_part(outcome, ':', 1), count(*) FROM google_call_audit"
                    + " WHERE room_id = ANY(?) GROUP BY 1 ORDER BY 2 DESC");
            q.setArray(1, c.createArrayOf("text", batchIds.toArray()));
            StringBuilder outcomes = new StringBuilder();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    outcomes.append(outcomes.length() == 0 ? "" : ", ").append(r.getString(1)).append(' ').append(r.getInt(2));
                }
            }
            PreparedStatement j = c.prepareStatement("SELECT count(*) FILTER (WHERE status = 'done'), count(*) FILTER (WHERE attempts > 0),"
                    + " coalesce(max(attempts), 0), count(*) FROM mirror_job WHERE kind = 'booked' AND room_id = ANY(?)");
            j.setArray(1, c.createArrayOf("text", batchIds.toArray()));
            try (ResultSet r = j.executeQuery()) {
                r.next();
                table.add(Bench.row("  mirror jobs done / retried / max retries", r.getInt(1) + "/" + r.getInt(4),
                        r.getInt(2) + " retried", "", "at most " + r.getInt(3)));
            }
            PreparedStatement w = c.prepareStatement("SELECT count(*) FROM google_call_audit WHERE at BETWEEN ? AND ?");
            w.setTimestamp(1, java.sql.Timestamp.from(from));
            w.setTimestamp(2, java.sql.Timestamp.from(to));
            try (ResultSet r = w.executeQuery()) {
                r.next();
                table.add(Bench.row("  mirror's Google calls for these rooms", outcomes.toString(), "", "", r.getInt(1) + " audited in window"));
            }
        }
    }

    /** Waits until every host has an active, confirmed push channel; returns how many have one. */
    private int awaitChannels(List<Api.User> hosts, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        int active = 0;
        try (Connection c = db.open("calendar_sync")) {
            PreparedStatement q = c.prepareStatement("SELECT count(DISTINCT user_id) FROM webhook_channels"
                    + " WHERE status = 'active' AND confirmed_at IS NOT NULL AND user_id = ANY(?)");
            q.setArray(1, c.createArrayOf("text", hosts.stream().map(Api.User::id).toArray()));
            while (true) {
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    active = r.getInt(1);
                }
                if (active >= hosts.size() || System.nanoTime() > deadline) {
                    return active;
                }
                Thread.sleep(250);
            }
        }
    }

    private List<String> createRooms(List<Api.User> hosts, int firstSlot) throws Exception {
        List<String> ids = new ArrayList<>(java.util.Collections.nCopies(hosts.size(), (String) null));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            int n = i;
            done.add(pool.submit(() -> {
                ids.set(n, api.createRoom(hosts.get(n), slot.apply(firstSlot + n)));
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return ids;
    }

    interface Step {
        void run(int i) throws Exception;
    }

    /** Runs step 0..n-1 at {@link #rate} per second, waits for all. */
    private void paced(int n, Step step) throws Exception {
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            done.add(pacer.schedule(() -> {
                step.run(k);
                return null;
            }, k * 1000L / rate, TimeUnit.MILLISECONDS));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pacer.shutdown();
    }

    private void booked(String room, Api.User guest) {
        bookedBy.put(room, guest.id());
        synchronized (expectedMail) {
            expectedMail.merge(guest.email(), Bench.GUEST_MAILS, Integer::sum);
        }
    }

    private void failure(String message) {
        synchronized (failures) {
            failures.add(message);
        }
    }

    /** The room's live event on any of the host's calendars at the local Google, or null. */
    private JsonNode liveEvent(String hostEmail, String roomId) throws Exception {
        Api.Answer a = api.googleGet("events?email=" + hostEmail);
        if (a.status() != 200) {
            return null;
        }
        for (JsonNode e : JSON.readTree(a.body()).path("events")) {
            if (roomId.equals(e.path("extendedProperties").path("private").path("schedulrRoomId").asText())
                    && !"cancelled".equals(e.path("status").asText())) {
                return e;
            }
        }
        return null;
    }

    private static Instant time(JsonNode eventTime) {
        return OffsetDateTime.parse(eventTime.path("dateTime").asText()).toInstant();
    }

    interface Check {
        boolean done(int i) throws Exception;
    }

    /**
     * One thread that, every {@code pollMs}, asks {@link Check} for every started, unfinished item; the time an item
     * was first seen done is the end of its latency. The resolution is one poll cycle.
     */
    private final class Poller implements AutoCloseable {
        private final int n;
        private final Check check;
        private final AtomicLongArray startedAt;
        private final AtomicLongArray doneAt;
        private final AtomicLong requests = new AtomicLong();
        private final AtomicLong busyCycles = new AtomicLong();
        private final AtomicLong busyNanos = new AtomicLong();
        private final AtomicLong maxCycleNanos = new AtomicLong();
        private volatile boolean stop;
        private final Thread thread;

        Poller(int n, Check check) {
            this.n = n;
            this.check = check;
            this.startedAt = new AtomicLongArray(n);
            this.doneAt = new AtomicLongArray(n);
            this.thread = new Thread(this::loop, "bench-google-poller");
            thread.setDaemon(true);
            thread.start();
        }

        void started(int i) {
            startedAt.set(i, System.nanoTime());
        }

        void forget(int i) {
            startedAt.set(i, 0);
        }

        private void loop() {
            while (!stop) {
                long cycleStart = System.nanoTime();
                boolean busy = false;
                for (int i = 0; i < n && !stop; i++) {
                    if (startedAt.get(i) != 0 && doneAt.get(i) == 0) {
                        busy = true;
                        requests.incrementAndGet();
                        try {
                            if (check.done(i)) {
                                doneAt.set(i, System.nanoTime());
                            }
                        } catch (Exception e) {
                            // asked again next cycle
                        }
                    }
                }
                try {
                    Thread.sleep(pollMs);
                } catch (InterruptedException e) {
                    return;
                }
                if (busy) {
                    long took = System.nanoTime() - cycleStart;
                    busyCycles.incrementAndGet();
                    busyNanos.addAndGet(took);
                    maxCycleNanos.accumulateAndGet(took, Math::max);
                }
            }
        }

        /** Waits until every started item is done, at most {@code seconds} from now. */
        boolean awaitAll(int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (doneCount() == startedCount()) {
                    return true;
                }
                Thread.sleep(20);
            }
            return doneCount() == startedCount();
        }

        int startedCount() {
            int c = 0;
            for (int i = 0; i < n; i++) {
                c += startedAt.get(i) != 0 ? 1 : 0;
            }
            return c;
        }

        int doneCount() {
            int c = 0;
            for (int i = 0; i < n; i++) {
                c += startedAt.get(i) != 0 && doneAt.get(i) != 0 ? 1 : 0;
            }
            return c;
        }

        long lastDone() {
            long last = 0;
            for (int i = 0; i < n; i++) {
                last = Math.max(last, doneAt.get(i));
            }
            return last;
        }

        double percentileMs(double p) {
            double[] v = new double[doneCount()];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (startedAt.get(i) != 0 && doneAt.get(i) != 0) {
                    v[k++] = (doneAt.get(i) - startedAt.get(i)) / 1e6;
                }
            }
            return Stats.percentile(v, p);
        }

        long requests() {
            return requests.get();
        }

        /** Mean time from one poll of an item to the next while items were pending: pollMs plus the cycle's requests. */
        double busyCycleMs() {
            return busyCycles.get() == 0 ? Double.NaN : busyNanos.get() / 1e6 / busyCycles.get();
        }

        double maxCycleMs() {
            return maxCycleNanos.get() / 1e6;
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            thread.join(5000);
        }
    }
}

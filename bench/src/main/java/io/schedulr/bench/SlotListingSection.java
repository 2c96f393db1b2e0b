package io.schedulr.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.schedulr.bench.Bench.ms;
import static io.schedulr.bench.Bench.rate;
import static io.schedulr.bench.Bench.row;
import static io.schedulr.bench.Bench.section;

/**
 * Section 5 (issue 18): other people's open slots, listed by a person while the database holds {@code bench.slots}
 * (100,000) open slots of {@code bench.slotHosts} (100) hosts — {@code GET /api/slots} (first page, 50) and one day's
 * window ({@code from}/{@code to}) — beside the same query over JDBC (the limit), same concurrency. The slots are
 * written straight into scheduling-service's database: publishing them is not what is measured.
 */
final class SlotListingSection {
    /** The query scheduling-service runs for the listing (PanacheSlotRepository.listOpen), as plain SQL. */
    static final String OPEN_SLOTS = "SELECT id, host_id, start_ts, end_ts, status, room_id, version FROM slots "
            + "WHERE status = 'open' AND host_id <> ? AND start_ts >= ? AND start_ts < ? "
            + "AND NOT EXISTS (SELECT 1 FROM practice_rooms b WHERE b.guest_id IS NOT NULL AND b.host_id = slots.host_id "
            + "AND b.datetime_utc < slots.end_ts AND b.ends_at > slots.start_ts) "
            + "AND NOT EXISTS (SELECT 1 FROM practice_rooms b WHERE b.guest_id = slots.host_id "
            + "AND b.datetime_utc < slots.end_ts AND b.ends_at > slots.start_ts) "
            + "ORDER BY start_ts, id LIMIT 50 OFFSET 0";

    private final Api api;
    private final GoogleSection.Db db;
    private final Bench.Looper loop;
    private final List<String> table;
    private final List<String> failures;
    private final int slots = Integer.getInteger("bench.slots", 100_000);
    private final int hosts = Integer.getInteger("bench.slotHosts", 100);
    private final int requests = Integer.getInteger("bench.slotRequests", 1000);
    private final int workers = Integer.getInteger("bench.slotWorkers", 8);

    private final CpuMeter cpu;

    SlotListingSection(Api api, GoogleSection.Db db, Bench.Looper loop, CpuMeter cpu, List<String> table, List<String> failures) {
        this.cpu = cpu;
        this.api = api;
        this.db = db;
        this.loop = loop;
        this.table = table;
        this.failures = failures;
    }

    void run() throws Exception {
        Instant from = Instant.now().plus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        long inserted = insertSlots(from);
        Bench.log("slots: %d open slots in the database; listing them %d times with %d workers ...", inserted, requests, workers);
        Api.User viewer = api.mint("slot-viewer@bench.test", "SlotViewer");
        String firstPage = "/api/slots";
        Instant dayStart = from.plus(slots / hosts / 48, ChronoUnit.DAYS);
        String oneDay = "/api/slots?from=" + dayStart + "&to=" + dayStart.plus(1, ChronoUnit.DAYS);
        loop.run(workers, 200, (w, i) -> list(viewer, i % 2 == 0 ? firstPage : oneDay));
        java.util.Map<String, Double> before = cpu.snapshot();
        Stats page = loop.run(workers, requests, (w, i) -> list(viewer, firstPage));
        java.util.Map<String, Double> pageCpu = CpuMeter.perOperation(before, cpu.snapshot(), requests);
        before = cpu.snapshot();
        Stats day = loop.run(workers, requests, (w, i) -> list(viewer, oneDay));
        java.util.Map<String, Double> dayCpu = CpuMeter.perOperation(before, cpu.snapshot(), requests);
        Stats limitPage = jdbc(viewer.id(), Instant.now(), Instant.parse("9999-01-01T00:00:00Z"));
        Stats limitDay = jdbc(viewer.id(), dayStart, dayStart.plus(1, ChronoUnit.DAYS));

        table.add(section("5. Open slots (" + inserted + " open slots of " + hosts + " hosts in the database; " + requests
                + " listings per row, closed loop, " + workers + " workers)"));
        table.add(row("", "rate", "p50", "p99", "max"));
        table.add(row("GET /api/slots (first 50)", rate(page.perSecond(), "req/s"), ms(page.p50Ms()), ms(page.p99Ms()), ms(page.maxMs())));
        table.add(row("  same SQL over JDBC (limit)", rate(limitPage.perSecond(), "q/s"), ms(limitPage.p50Ms()), ms(limitPage.p99Ms()),
                ms(limitPage.maxMs())));
        table.add(row("GET /api/slots?from&to (one day)", rate(day.perSecond(), "req/s"), ms(day.p50Ms()), ms(day.p99Ms()), ms(day.maxMs())));
        table.add(row("  same SQL over JDBC (limit)", rate(limitDay.perSecond(), "q/s"), ms(limitDay.p50Ms()), ms(limitDay.p99Ms()),
                ms(limitDay.maxMs())));
        table.add(row("CPU per listing (ms, from /proc)", "first 50", "one day", "", ""));
        for (String process : pageCpu.keySet()) {
            table.add(row("  " + process, String.format("%.2f ms", pageCpu.get(process)), String.format("%.2f ms", dayCpu.get(process)), "", ""));
        }
    }

    private long list(Api.User viewer, String path) throws Exception {
        Api.Answer a = api.get(viewer, path);
        if (a.status() != 200 || !a.body().startsWith("[{")) {
            synchronized (failures) {
                failures.add("slot listing " + path + " answered " + a.status() + ": " + Bench.clip(a.body()));
            }
        }
        return a.nanos();
    }

    /** {@code hosts} users, each with {@code slots / hosts} half-hour slots every 30 minutes from {@code from}. */
    private long insertSlots(Instant from) throws Exception {
        int perHost = slots / hosts;
        try (Connection c = db.open("scheduling"); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO users (id, email, display_name) SELECT 'bench-slot-host-' || h, 'slothost' || h || '@bench.test', "
                    + "'Slot Host ' || h FROM generate_series(1, " + hosts + ") h ON CONFLICT (id) DO NOTHING");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO slots (id, host_id, start_ts, end_ts) "
                    + "SELECT gen_random_uuid(), 'bench-slot-host-' || h, ?::timestamptz + g * interval '30 minutes', "
                    + "?::timestamptz + g * interval '30 minutes' + interval '30 minutes' "
                    + "FROM generate_series(1, " + hosts + ") h, generate_series(0, " + (perHost - 1) + ") g")) {
                insert.setTimestamp(1, Timestamp.from(from));
                insert.setTimestamp(2, Timestamp.from(from));
                insert.executeUpdate();
            }
            s.execute("ANALYZE slots");
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM slots WHERE status = 'open'")) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** The listing's SQL over JDBC, one connection per worker, as many queries as the HTTP row made. */
    private Stats jdbc(String viewer, Instant from, Instant to) throws Exception {
        Connection[] connections = new Connection[workers];
        for (int w = 0; w < workers; w++) {
            connections[w] = db.open("scheduling");
        }
        try {
            return loop.run(workers, requests, (w, i) -> {
                long t = System.nanoTime();
                try (PreparedStatement q = connections[w].prepareStatement(OPEN_SLOTS)) {
                    q.setString(1, viewer);
                    q.setTimestamp(2, Timestamp.from(from));
                    q.setTimestamp(3, Timestamp.from(to));
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            r.getString(1);
                        }
                    }
                }
                return System.nanoTime() - t;
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }
}

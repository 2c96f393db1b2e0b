package io.schedulr.bench;

import io.schedulr.deploy.LocalStack;
import io.schedulr.deploy.ServiceSpec;
import io.schedulr.deploy.StackException;
import io.schedulr.deploy.StackOptions;
import io.schedulr.deploy.StackPorts;
import io.schedulr.testsupport.infra.InfraEndpoints;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The booking benchmark (issue 6). Starts the local stack on free ports with a temporary state folder, measures, prints
 * one table, stops everything. Asserts nothing about time; exits 1 if a booking is lost or doubled.
 * Sizes: system properties {@code bench.workers}, {@code bench.warmup}, {@code bench.bookings}, {@code bench.contenders},
 * {@code bench.inbox}, {@code bench.inboxRate}; {@code bench.jfr=DIR} records the scheduling-service with JFR during the
 * measured bookings. The Google section (issue 14 section 4, {@link GoogleSection}) runs after section 3, or alone with
 * {@code bench.only=google}. The load section (hardening issue 12) runs alone with {@code bench.only=load}, after the others with
 * {@code bench.load=true}; sizes {@code bench.loadSeconds}, {@code bench.loadClients}, {@code bench.loadWave}, {@code bench.loadWarmup}. It fails
 * the run on any 5xx, any call without an answer, any refused booking of a free room, and any wave that did not end
 * with exactly one 200 and 409 for everyone else. Sections 5 (open slots with {@code bench.slots} in the database) and 6
 * (the live stream to {@code bench.streamSubscribers}) follow the Google section, or run alone with {@code bench.only=slots}
 * / {@code stream}. {@code bench.durable} (true) chooses PostgreSQL's {@code synchronous_commit}.
 */
public final class Bench {
    static final String BOOKED = "io.schedulr.room.booked.v1";
    /**
     * Invitation mails per booking under docs/operations.md, "Who sends the invitation: Google or us": every bench user
     * connects their Google Calendar (scheduling-service's gate asks for it), so the host's calendar is connected,
     * notification-service leaves the booking to Google (two LEFT_TO_GOOGLE delivery rows, no mail), calendar-sync-service
     * puts the event on the host's calendar (the host's copy; no mail) and the local Google mails the guest an iMIP
     * REQUEST with sendUpdates=all through the stack's SMTP server.
     */
    static final int HOST_MAILS = 0;
    static final int GUEST_MAILS = 1;
    /** The guests of section 1 (their invitations are counted from the server's store, not over IMAP). */
    private static final java.util.regex.Pattern SECTION1_GUEST = java.util.regex.Pattern.compile("g\\d+@bench\\.test");
    private static final String NOTIFICATION = "notification-service";
    private static final LocalDateTime SLOTS_FROM = java.time.LocalDate.now(ZoneOffset.UTC).plusDays(30).atStartOfDay();

    private final int workers = Integer.getInteger("bench.workers", 16);
    private final int warmup = Integer.getInteger("bench.warmup", 1000);
    private final int bookings = Integer.getInteger("bench.bookings", 2000);
    private final int contenders = Integer.getInteger("bench.contenders", 200);
    private final int inbox = Integer.getInteger("bench.inbox", 200);
    private final int inboxRate = Integer.getInteger("bench.inboxRate", 5);
    private final String jfrDir = System.getProperty("bench.jfr");
    /** {@code throughput} runs section 1 only (no mail is sent or checked): the quick loop for profiling the booking path. */
    private final boolean throughputOnly = "throughput".equals(System.getProperty("bench.only"));
    /** {@code load} runs the load section only, with the whole stack running (its invitations are checked). */
    private final boolean loadOnly = "load".equals(System.getProperty("bench.only"));
    private final boolean loadToo = Boolean.getBoolean("bench.load");
    /** {@code google} runs the Google section only (issue 14 section 4). */
    private final boolean googleOnly = "google".equals(System.getProperty("bench.only"));
    /** {@code slots} / {@code stream} run section 5 (open slots) / 6 (live stream) only (issue 18). */
    private final boolean slotsOnly = "slots".equals(System.getProperty("bench.only"));
    private final boolean streamOnly = "stream".equals(System.getProperty("bench.only"));
    /** {@code startup} runs section 4b (each service started alone) only. */
    private final boolean startupOnly = "startup".equals(System.getProperty("bench.only"));
    /**
     * PostgreSQL commits as a production database does (the default): fsync, synchronous commits and full-page writes
     * on. {@code bench.durable=false} measures with the embedded PostgreSQL's defaults (fsync and synchronous_commit
     * off); the table's section 1 says which.
     */
    private final boolean durable = Boolean.parseBoolean(System.getProperty("bench.durable", "true"));
    private String databaseSettings = "";
    /** {@code bench.statements=true}: PostgreSQL loads pg_stat_statements; section 1 logs what each run executed. */
    private final boolean statements = Boolean.getBoolean("bench.statements");
    /**
     * {@code false}: Phase 1 only — every service runs with the calendar gate off (SCHEDULR_CALENDAR_REQUIRED=false)
     * and nobody connects a Google calendar, so a booking asks Google nothing (as a build from before Google did).
     */
    private final boolean calendar = Boolean.parseBoolean(System.getProperty("bench.calendar", "true"));
    private final int loadSeconds = Integer.getInteger("bench.loadSeconds", 60);
    private final int loadClients = Integer.getInteger("bench.loadClients", 32);
    private final int loadWave = Integer.getInteger("bench.loadWave", 200);
    /**
     * Seconds of the same load before the measured run: 60 when the section runs alone (the services start cold, see
     * docs/performance.md, "Load"), 15 after the other sections.
     */
    private final int loadWarmup = Integer.getInteger("bench.loadWarmup", loadOnly ? 60 : 15);
    /** Slot numbers of the load section's rooms, after those of sections 1–3. */
    private final AtomicInteger loadSlot = new AtomicInteger(30_000);

    private final List<String> failures = new ArrayList<>();
    private final List<String> table = new ArrayList<>();
    /** Room id → the guest that booked it (every successful booking of the run). */
    private final Map<String, String> bookedBy = new ConcurrentHashMap<>();
    /** Address → how many invitations it must have received. */
    private final Map<String, Integer> expectedMail = new HashMap<>();

    /** When the measured bookings of section 1 ended (epoch millis). */
    private long section1Ended;
    private LocalStack stack;
    private InfraEndpoints infra;
    private Api api;
    private Mailboxes mail;
    private ServiceWatch watch;

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(System.getProperty("schedulr.repo", ".")).toAbsolutePath().normalize();
        System.exit(new Bench().run(repo));
    }

    int run(Path repo) throws Exception {
        StackPorts ports = StackPorts.free();
        Path state = Files.createTempDirectory("schedulr-bench");
        StackOptions options = StackOptions.defaults(repo).withPorts(ports).withStateDir(state, true);
        List<ServiceSpec> specs = ServiceSpec.all(ports);
        // Measured as deployed by default: no span recorded (the local stack samples every trace for its collector).
        for (ServiceSpec spec : specs) {
            options = options.withServiceEnvironment(spec.name(), Map.of("SCHEDULR_TRACE_SAMPLE_RATIO", "0"));
        }
        if (!calendar) {
            // The one switch of every service, as a Phase-1-only deployment sets it.
            for (ServiceSpec spec : specs) {
                options = options.withServiceEnvironment(spec.name(), Map.of("SCHEDULR_CALENDAR_REQUIRED", "false"));
            }
        }
        System.setProperty(io.schedulr.testsupport.infra.InfraSettings.DURABLE_POSTGRES, String.valueOf(durable));
        System.setProperty(io.schedulr.testsupport.infra.InfraSettings.POSTGRES_STATEMENT_STATISTICS, String.valueOf(statements));
        api = new Api("http://localhost:" + ports.issuer(), specs.get(0).url(), specs.get(2).url(), calendar);
        watch = new ServiceWatch(specs, api);
        watch.watchReadiness();
        Instant started = Instant.now();
        try {
            stack = LocalStack.start(options, System.out);
        } catch (StackException e) {
            System.err.println("bench: the local stack did not start: " + e.getMessage());
            return 2;
        }
        Thread stopper = new Thread(stack::close, "bench-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            log("stack ready after %.1f s", (System.currentTimeMillis() - started.toEpochMilli()) / 1000.0);
            infra = stack.endpoints();
            mail = Mailboxes.of(stack);
            watch.watchMemory(stack::pid);
            databaseSettings = commitSettings();
            watch.underLoad(true);
            if (loadOnly) {
                load();
            } else if (googleOnly) {
                google();
            } else if (slotsOnly) {
                slots();
            } else if (streamOnly) {
                stream();
            } else if (startupOnly) {
                startAlone(state.resolve("logs"));
            } else {
                stack.stop(NOTIFICATION);
                throughputAndLimit();
                if (!throughputOnly) {
                    log("starting notification-service again; it works through the events of section 1 from Kafka (left to Google) ...");
                    stack.restart(NOTIFICATION);
                    watch.rememberPid(NOTIFICATION);
                    contention();
                    bookingToInbox();
                    google();
                    slots();
                    stream();
                    if (loadToo) {
                        load();
                    }
                    startAlone(state.resolve("logs"));
                }
            }
            watch.underLoad(false);
            verify();
            startupAndMemory(state.resolve("logs"));
        } catch (Exception e) {
            failures.add("the benchmark stopped: " + e);
            e.printStackTrace();
        } finally {
            printTable();
            watch.close();
            stack.close();
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
        if (!failures.isEmpty()) {
            System.out.println();
            System.out.println("BENCH FAILED — bookings lost, doubled or refused, or answered 5xx:");
            failures.forEach(f -> System.out.println("  - " + f));
            return 1;
        }
        System.out.println("integrity: every booking has exactly one guest, one RoomBooked event"
                + (throughputOnly ? " (invitations not checked)." : " and one invitation, the guest's from Google (none for the host)."));
        return 0;
    }

    // ---------------------------------------------------------------------------------------------------- 1. throughput

    private void throughputAndLimit() throws Exception {
        int total = warmup + bookings;
        Api.User host = api.mint("host-a@bench.test", "HostA");
        List<Api.User> guests = mintAll("g", total);
        log("creating %d rooms ...", total);
        List<String> rooms = new ArrayList<>(java.util.Collections.nCopies(total, (String) null));
        Stats create = closedLoop(workers, total, (w, i) -> {
            long t = System.nanoTime();
            rooms.set(i, api.createRoom(host, slot(i)));
            return System.nanoTime() - t;
        });
        log("booking: %d warm-up + %d measured, %d workers ...", warmup, bookings, workers);
        closedLoop(workers, warmup, (w, i) -> book(guests.get(i), rooms.get(i)));
        CpuMeter cpu = new CpuMeter(stack.pid(CpuMeter.SERVICE).orElseThrow());
        startJfr();
        StatementStatistics statementStatistics = new StatementStatistics(this::db);
        if (statements) {
            statementStatistics.reset();
        }
        Map<String, Double> cpuBefore = cpu.snapshot();
        Stats service = closedLoop(workers, bookings, (w, i) -> book(guests.get(warmup + i), rooms.get(warmup + i)));
        section1Ended = System.currentTimeMillis();
        Map<String, Double> serviceCpu = CpuMeter.perOperation(cpuBefore, cpu.snapshot(), bookings);
        stopJfr();
        if (statements) {
            statementStatistics.print(System.out, "the service's bookings", bookings);
        }
        // The framework's floor: an authenticated request answered before any database work (the id does not parse).
        log("floor: %d authenticated requests refused before the database, %d workers ...", bookings, workers);
        closedLoop(workers, warmup, (w, i) -> refusedBeforeDatabase(guests.get(i)));
        cpuBefore = cpu.snapshot();
        Stats floor = closedLoop(workers, bookings, (w, i) -> refusedBeforeDatabase(guests.get(warmup + i)));
        Map<String, Double> floorCpu = CpuMeter.perOperation(cpuBefore, cpu.snapshot(), bookings);
        expectedMail.put(host.email(), HOST_MAILS * total);
        guests.forEach(g -> expectedMail.put(g.email(), GUEST_MAILS));

        log("limit: the minimal booking (one statement) and the service's booking SQL over JDBC, %d connections each ...", workers);
        LimitWorkload limit = new LimitWorkload(infra.jdbcUrl("scheduling"), infra.postgresUser(), infra.postgresPassword());
        List<UUID> limitRooms = limit.prepare(2 * total, total);
        List<LimitWorkload.Worker> conns = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            conns.add(limit.new Worker());
        }
        closedLoop(workers, warmup, (w, i) -> conns.get(w).bookMinimal(limitRooms.get(i), "limit-guest-" + i));
        if (statements) {
            statementStatistics.reset();
        }
        cpuBefore = cpu.snapshot();
        Stats sql = closedLoop(workers, bookings, (w, i) -> conns.get(w).bookMinimal(limitRooms.get(warmup + i), "limit-guest-" + (warmup + i)));
        Map<String, Double> limitCpu = CpuMeter.perOperation(cpuBefore, cpu.snapshot(), bookings);
        if (statements) {
            statementStatistics.print(System.out, "the minimal bookings (limit)", bookings);
        }
        closedLoop(workers, warmup, (w, i) -> conns.get(w).book(limitRooms.get(total + i), "limit-svc-guest-" + i));
        cpuBefore = cpu.snapshot();
        Stats serviceSql = closedLoop(workers, bookings,
                (w, i) -> conns.get(w).book(limitRooms.get(total + warmup + i), "limit-svc-guest-" + (warmup + i)));
        Map<String, Double> serviceSqlCpu = CpuMeter.perOperation(cpuBefore, cpu.snapshot(), bookings);
        for (LimitWorkload.Worker c : conns) {
            c.close();
        }
        limit.cleanUp();

        table.add(section("1. Booking throughput (" + bookings + " bookings after " + warmup + " warm-up, closed loop, " + workers
                + " concurrent clients; notification-service stopped, so the service and the limit both run alone; PostgreSQL "
                + databaseSettings + ")"));
        table.add(row("", "rate", "p50", "p99", "max"));
        table.add(row("create room over HTTP (setup)", rate(create.perSecond(), "req/s"), ms(create.p50Ms()), ms(create.p99Ms()),
                ms(create.maxMs())));
        table.add(row("book over HTTP (service)", rate(service.perSecond(), "req/s"), ms(service.p50Ms()), ms(service.p99Ms()),
                ms(service.maxMs())));
        table.add(row("minimal booking over JDBC (limit)", rate(sql.perSecond(), "tx/s"), ms(sql.p50Ms()), ms(sql.p99Ms()), ms(sql.maxMs())));
        table.add(row("  the service's SQL over JDBC", rate(serviceSql.perSecond(), "tx/s"), ms(serviceSql.p50Ms()), ms(serviceSql.p99Ms()),
                ms(serviceSql.maxMs())));
        table.add(row("authenticated 400, no database (floor)", rate(floor.perSecond(), "req/s"), ms(floor.p50Ms()), ms(floor.p99Ms()),
                ms(floor.maxMs())));
        table.add(row("service / limit", String.format("%.2f", service.perSecond() / sql.perSecond()),
                String.format("%.1fx", service.p50Ms() / sql.p50Ms()), String.format("%.1fx", service.p99Ms() / sql.p99Ms()), ""));
        table.add(row("CPU per booking (ms, from /proc)", "service run", "limit run", "service's SQL run", "floor run (per request)"));
        for (String process : serviceCpu.keySet()) {
            table.add(row("  " + process, cpuMs(serviceCpu.get(process)), cpuMs(limitCpu.get(process)),
                    cpuMs(serviceSqlCpu.get(process)), cpuMs(floorCpu.get(process))));
        }
    }

    private static String cpuMs(double value) {
        return String.format("%.2f ms", value);
    }

    private long refusedBeforeDatabase(Api.User caller) throws Exception {
        Api.Answer a = api.get(caller, "/api/practice-rooms/not-a-room-id");
        if (a.status() != 400) {
            synchronized (failures) {
                failures.add("GET /api/practice-rooms/not-a-room-id answered " + a.status() + ": " + clip(a.body()));
            }
        }
        return a.nanos();
    }

    private long book(Api.User guest, String room) throws Exception {
        Api.Answer a = api.book(guest, room);
        if (a.ok()) {
            bookedBy.put(room, guest.id());
        } else {
            synchronized (failures) {
                failures.add("booking of free room " + room + " by " + guest.email() + " answered " + a.status() + ": " + a.body());
            }
        }
        return a.nanos();
    }

    // ---------------------------------------------------------------------------------------------------- 2. contention

    private void contention() throws Exception {
        Api.User host = api.mint("host-b@bench.test", "HostB");
        String room = api.createRoom(host, slot(10_000));
        List<Api.User> guests = mintAll("c", contenders);
        log("contention: %d simultaneous bookings of one room ...", contenders);
        CountDownLatch ready = new CountDownLatch(contenders);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        List<Future<Api.Answer>> answers = new ArrayList<>();
        for (Api.User g : guests) {
            answers.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return api.book(g, room);
            }));
        }
        ready.await();
        long t0 = System.nanoTime();
        go.countDown();
        int ok = 0;
        int conflict = 0;
        int other = 0;
        long[] nanos = new long[contenders];
        for (int i = 0; i < contenders; i++) {
            Api.Answer a = answers.get(i).get();
            nanos[i] = a.nanos();
            if (a.ok()) {
                ok++;
                bookedBy.put(room, guests.get(i).id());
                expectedMail.put(guests.get(i).email(), GUEST_MAILS);
            } else if (a.status() == 409) {
                conflict++;
                expectedMail.put(guests.get(i).email(), 0);
            } else {
                other++;
                expectedMail.put(guests.get(i).email(), 0);
            }
        }
        long wall = System.nanoTime() - t0;
        pool.shutdown();
        expectedMail.put(host.email(), HOST_MAILS);
        if (ok != 1) {
            failures.add("contention: " + ok + " of " + contenders + " simultaneous bookings of one room succeeded (must be exactly 1)");
        }
        if (other != 0) {
            failures.add("contention: " + other + " bookings answered neither 2xx nor 409");
        }
        Stats s = new Stats(nanos, wall);
        table.add(section("2. Contention (" + contenders + " simultaneous bookings of one room)"));
        table.add(row("", "2xx", "409", "other", "p50 / p99 / all done"));
        table.add(row("book one room", String.valueOf(ok), String.valueOf(conflict), String.valueOf(other),
                ms(s.p50Ms()) + " / " + ms(s.p99Ms()) + " / " + ms(wall / 1e6)));
    }

    // ---------------------------------------------------------------------------------------------------- 3. inbox

    private void bookingToInbox() throws Exception {
        int expectedSoFar = expectedMail.values().stream().mapToInt(Integer::intValue).sum();
        log("waiting for the %d invitations of the bookings so far (each guest's, sent by the local Google) ...", expectedSoFar);
        long drainStart = System.currentTimeMillis();
        // As long as they keep coming: section 3 must not be measured behind section 1's backlog (calendar-sync-service's
        // mirror works through it one job at a time).
        awaitMailWhileItComes(expectedSoFar, 60);
        log("  all there %.1f s after the contention phase", (System.currentTimeMillis() - drainStart) / 1000.0);
        List<Long> section1 = new ArrayList<>();
        mail.receivedByAddress().forEach((address, times) -> {
            if (SECTION1_GUEST.matcher(address).matches()) {
                section1.addAll(times);
            }
        });
        java.util.Collections.sort(section1);

        List<Api.User> hosts = mintAll("h", inbox);
        List<Api.User> guests = mintAll("i", inbox);
        List<String> rooms = new ArrayList<>(java.util.Collections.nCopies(inbox, (String) null));
        closedLoop(workers, inbox, (w, i) -> {
            rooms.set(i, api.createRoom(hosts.get(i), slot(20_000 + i)));
            return 0;
        });
        Thread.sleep(2000); // let the room-created events pass before the clock starts
        log("booking -> inbox: %d bookings at %d/s ...", inbox, inboxRate);
        long[] respondedAt = new long[inbox];
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < inbox; i++) {
            int n = i;
            done.add(pacer.schedule(() -> {
                book(guests.get(n), rooms.get(n));
                respondedAt[n] = System.currentTimeMillis();
                return null;
            }, n * 1000L / inboxRate, TimeUnit.MILLISECONDS));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pacer.shutdown();
        for (int i = 0; i < inbox; i++) {
            expectedMail.put(hosts.get(i).email(), HOST_MAILS);
            expectedMail.put(guests.get(i).email(), GUEST_MAILS);
        }
        awaitTotalMail(expectedMail.values().stream().mapToInt(Integer::intValue).sum(), 120);
        Map<String, List<Long>> received = mail.receivedByAddress();

        Map<String, long[]> db = attribution(rooms);
        double[] total = new double[inbox];
        List<double[]> segments = new ArrayList<>(); // relay, kafka->mirror job, job->stored, outbox->stored, outbox->response
        int complete = 0;
        for (int i = 0; i < inbox; i++) {
            List<Long> g = received.getOrDefault(guests.get(i).email(), List.of());
            if (g.isEmpty()) {
                continue;
            }
            long stored = g.get(0);
            total[complete++] = stored - respondedAt[i];
            long[] t = db.get(rooms.get(i)); // outbox created, published, mirror job created
            if (t != null) {
                segments.add(new double[]{t[1] - t[0], t[2] - t[1], stored - t[2], stored - t[0], respondedAt[i] - t[0]});
            }
        }
        int leftToGoogle = roomsLeftToGoogle(rooms);
        double[] measured = java.util.Arrays.copyOf(total, complete);
        table.add(section("3. Booking -> inbox (" + inbox + " bookings at " + inboxRate + "/s, each to a new host and guest, both"
                + " calendars connected: by the rule in docs/operations.md the guest's invitation comes from Google — here the"
                + " local Google's iMIP REQUEST through the stack's SMTP — and the host gets no mail, the event is on their calendar)"));
        table.add(row("", "count", "p50", "p99", "max"));
        table.add(row("response -> guest's invite stored (via Google)", complete + "/" + inbox, ms(Stats.percentile(measured, 50)),
                ms(Stats.percentile(measured, 99)), ms(Stats.percentile(measured, 100))));
        String[] names = {"outbox row -> published (relay)", "published -> mirror job (Kafka+calendar-sync)",
                "mirror job -> stored (poll+Google+SMTP)", "outbox row -> guest's invite stored (sum)", "outbox row -> HTTP response"};
        for (int k = 0; k < names.length; k++) {
            int idx = k;
            double[] v = segments.stream().mapToDouble(a -> a[idx]).toArray();
            table.add(row("  " + names[k], String.valueOf(v.length), ms(Stats.percentile(v, 50)), ms(Stats.percentile(v, 99)),
                    ms(Stats.percentile(v, 100))));
        }
        table.add(row("  notification-service left to Google", leftToGoogle + "/" + inbox + " rooms", "(LEFT_TO_GOOGLE, both)", "", ""));
        if (section1.size() > 1) {
            double seconds = (section1.get(section1.size() - 1) - section1.get(0)) / 1000.0;
            table.add(row("guest invites of section 1 (via Google)", section1.size() + " mails",
                    rate(section1.size() / Math.max(seconds, 0.001), "/s"), String.format("%.1f s", seconds),
                    section1Ended == 0 ? "" : String.format("last %.1f s after sect. 1", (section1.get(section1.size() - 1) - section1Ended) / 1000.0)));
        }
    }

    /** Rooms for which notification-service recorded both people as LEFT_TO_GOOGLE (the rule for a connected host). */
    private int roomsLeftToGoogle(List<String> rooms) throws Exception {
        try (Connection c = db("notification")) {
            PreparedStatement q = c.prepareStatement("SELECT count(*) FROM (SELECT room_id FROM delivery WHERE room_id = ANY(?)"
                    + " GROUP BY room_id HAVING count(*) FILTER (WHERE status = 'LEFT_TO_GOOGLE') = 2 AND count(*) = 2) r");
            q.setArray(1, c.createArrayOf("text", rooms.toArray()));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** Per room: outbox created_at, published_at (scheduling DB); the booking's mirror job created_at (calendar_sync DB). */
    private Map<String, long[]> attribution(List<String> rooms) throws Exception {
        Map<String, long[]> times = new HashMap<>();
        try (Connection c = db("scheduling")) {
            PreparedStatement q = c.prepareStatement(
                    "SELECT message_key, created_at, published_at FROM outbox WHERE event_type = ? AND message_key = ANY(?)");
            q.setString(1, BOOKED);
            q.setArray(2, c.createArrayOf("text", rooms.toArray()));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    times.put(r.getString(1), new long[]{r.getTimestamp(2).getTime(),
                            r.getTimestamp(3) == null ? 0 : r.getTimestamp(3).getTime(), 0});
                }
            }
        }
        try (Connection c = db("calendar_sync")) {
            PreparedStatement q = c.prepareStatement(
                    "SELECT room_id, min(created_at) FROM mirror_job WHERE kind = 'booked' AND room_id = ANY(?) GROUP BY room_id");
            q.setArray(1, c.createArrayOf("text", rooms.toArray()));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    long[] t = times.get(r.getString(1));
                    if (t != null) {
                        t[2] = r.getTimestamp(2).getTime();
                    }
                }
            }
        }
        times.values().removeIf(t -> t[1] == 0 || t[2] == 0);
        return times;
    }

    private void awaitTotalMail(int expected, int seconds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (mail.total() < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        if (mail.total() < expected) {
            log("  only %d of %d invitations after %d s", mail.total(), expected, seconds);
        }
    }

    // ---------------------------------------------------------------------------------------------------- Google

    private void google() throws Exception {
        new GoogleSection(api, this::mintAll, this::db, Bench::slot, table, failures, bookedBy, expectedMail).run();
        awaitTotalMail(expectedMail.values().stream().mapToInt(Integer::intValue).sum(), 60);
    }

    // ---------------------------------------------------------------------------------------------------- 5, 6 (issue 18)

    private void slots() throws Exception {
        if (slotsOnly) {
            startJfr();
        }
        new SlotListingSection(api, this::db, this::closedLoop, new CpuMeter(stack.pid(CpuMeter.SERVICE).orElseThrow()), table, failures).run();
        if (slotsOnly) {
            stopJfr();
        }
    }

    private void startAlone(Path logDir) throws Exception {
        new StartAloneSection(stack, api, watch, logDir, table).run();
    }

    private void stream() throws Exception {
        new LiveStreamSection(api, this::mintAll, infra.kafkaBootstrapServers(), table, failures, bookedBy, expectedMail).run();
        awaitTotalMail(expectedMail.values().stream().mapToInt(Integer::intValue).sum(), 60);
    }

    /** The commit settings PostgreSQL runs with ({@link #durable} chose them at its start), for the table. */
    private String commitSettings() throws Exception {
        try (Connection c = db("scheduling"); Statement s = c.createStatement()) {
            StringBuilder settings = new StringBuilder(durable ? "durable: " : "not durable: ");
            for (String name : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet r = s.executeQuery("SHOW " + name)) {
                    r.next();
                    settings.append(name).append('=').append(r.getString(1)).append(name.equals("full_page_writes") ? "" : " ");
                }
            }
            log("PostgreSQL %s", settings);
            return settings.toString();
        }
    }

    // ---------------------------------------------------------------------------------------------------- load

    private void load() throws Exception {
        List<Api.User> hosts = mintAll("load-host-", loadClients);
        List<Api.User> guests = mintAll("load-guest-", loadClients);
        List<Api.User> waveGuests = mintAll("load-wave-", loadWave);
        Api.User waveHost = api.mint("load-wave-host@bench.test", "LoadWaveHost");
        CpuMeter cpu = new CpuMeter(stack.pid(CpuMeter.SERVICE).orElseThrow())
                .with(NOTIFICATION, stack.pid(NOTIFICATION).orElseThrow());
        Load warm = null;
        if (loadWarmup > 0) {
            log("load: %d s of warm-up (same workload, checked the same way, not in the figures) ...", loadWarmup);
            warm = new Load(api, hosts, guests, waveHost, waveGuests, loadWarmup, () -> slot(loadSlot.getAndIncrement()));
            warm.run();
            check(warm, "load warm-up");
        }
        Load load = new Load(api, hosts, guests, waveHost, waveGuests, loadSeconds, () -> slot(loadSlot.getAndIncrement()));
        log("load: %d s of %d clients booking distinct rooms beside waves of %d clients on one room ...", loadSeconds, loadClients,
                loadWave);
        String loadBefore = CpuMeter.loadAverage();
        Map<String, Double> cpuBefore = cpu.snapshot();
        double machineBefore = CpuMeter.machineBusyMs();
        long t0 = System.nanoTime();
        load.run();
        double wallMs = (System.nanoTime() - t0) / 1e6;
        Map<String, Double> cpuUsed = CpuMeter.perOperation(cpuBefore, cpu.snapshot(), 1);
        double machineMs = CpuMeter.machineBusyMs() - machineBefore;
        String loadAfter = CpuMeter.loadAverage();
        long loadEnded = System.currentTimeMillis();

        int[] errors = check(load, "load");
        int serverErrors = errors[0];
        int noAnswer = errors[1];
        List<Load.Wave> waves = load.waves();
        List<Load.Wave> wrong = waves.stream().filter(w -> !w.asExpected(loadWave)).toList();

        int expected = expectedMail.values().stream().mapToInt(Integer::intValue).sum();
        log("load: waiting for all %d invitations so far (%d of them for this section) ...", expected,
                load.mails().values().stream().mapToInt(Integer::intValue).sum());
        boolean allMail = awaitMailWhileItComes(expected, 60);
        double drainSeconds = (System.currentTimeMillis() - loadEnded) / 1000.0;

        table.add(section("Load (hardening issue 12): " + loadSeconds + " s of (a) " + loadClients
                + " clients, each its own host and guest, creating a room and booking it, again and again, beside (b) waves of "
                + loadWave + " clients released together on one new room, one wave after the other; all four services running"));
        table.add(row("", "requests/s", "p50 / p95 / p99 ms", "max", "answers (status:count)"));
        loadRow("(a) create room", load.createDistinct, load.distinctWallNanos());
        loadRow("(a) book it (free room, its own guest)", load.bookDistinct, load.distinctWallNanos());
        loadRow("(b) create the wave's room", load.createContended, load.contendedWallNanos());
        loadRow("(b) book one room, " + loadWave + " at once", load.bookContended, load.contendedWallNanos());
        Stats waveStats = new Stats(waves.stream().mapToLong(Load.Wave::nanos).toArray(), load.contendedWallNanos());
        table.add(row("(b) waves: release -> last answer", waves.size() + " waves", percentiles(waveStats), ms(waveStats.maxMs()),
                (waves.size() - wrong.size()) + " with one 200"));
        table.add(row("5xx answers / calls without answer", serverErrors + " / " + noAnswer, "", "", ""));
        table.add(row("rooms booked: (a) + (b)", load.distinctBooked() + " + " + load.contendedBooked(), "", "", ""));
        table.add(row("CPU over the " + String.format("%.0f", wallMs / 1000) + " s, in cores busy (the machine has "
                + Runtime.getRuntime().availableProcessors() + ")", "", "", "", ""));
        double ours = 0;
        for (Map.Entry<String, Double> e : cpuUsed.entrySet()) {
            ours += e.getValue();
            table.add(row("  " + e.getKey(), cores(e.getValue(), wallMs), "", "", ""));
        }
        table.add(row("    of which the load generator's threads", cores(load.clientCpuMs(), wallMs), "", "", ""));
        table.add(row("  everything else on the machine", cores(Math.max(0, machineMs - ours), wallMs), "", "", ""));
        table.add(row("load average (1 min) before / after", loadBefore + " / " + loadAfter, "", "", ""));
        table.add(row("invitations of all bookings so far", mail.total() + "/" + expected,
                (allMail ? "all" : "not all") + String.format(" stored %.1f s after the end", drainSeconds), "", ""));
        if (warm != null) {
            Load w = warm;
            int calls = java.util.stream.Stream.of(w.createDistinct, w.bookDistinct, w.createContended, w.bookContended)
                    .mapToInt(c -> c.stats(1).count() + c.noAnswer()).sum();
            table.add(row("warm-up before (" + loadWarmup + " s, not in the figures)", calls + " calls",
                    w.distinctBooked() + " + " + w.waves().size() + " waves", "", errorsOf(w) + " 5xx/none"));
        }
    }

    /**
     * What must hold for a load run: no 5xx, every call answered, every free room booked by its guest, exactly one 200
     * per wave and 409 for everyone else. Adds what did not hold to the failures and the run's bookings and expected
     * invitations to those the integrity check verifies. Returns {5xx answers, calls without answer}.
     */
    private int[] check(Load load, String label) {
        bookedBy.putAll(load.booked());
        load.mails().forEach((address, n) -> expectedMail.merge(address, n, Integer::sum));
        Load.Calls[] all = {load.createDistinct, load.bookDistinct, load.createContended, load.bookContended};
        int serverErrors = java.util.Arrays.stream(all).mapToInt(Load.Calls::serverErrors).sum();
        int noAnswer = java.util.Arrays.stream(all).mapToInt(Load.Calls::noAnswer).sum();
        if (serverErrors > 0) {
            failures.add(label + ": " + serverErrors + " answers were 5xx (create (a) " + load.createDistinct.statusText()
                    + "; book (a) " + load.bookDistinct.statusText() + "; create (b) " + load.createContended.statusText()
                    + "; book (b) " + load.bookContended.statusText() + ")");
        }
        if (noAnswer > 0) {
            java.util.Arrays.stream(all).map(Load.Calls::firstNoAnswer).filter(java.util.Objects::nonNull).findFirst()
                    .ifPresent(first -> failures.add(label + ": " + noAnswer + " calls got no answer, the first: " + first));
        }
        load.problems().forEach(p -> failures.add(label + ": " + p));
        List<Load.Wave> wrong = load.waves().stream().filter(w -> !w.asExpected(loadWave)).toList();
        wrong.stream().limit(10).forEach(w -> failures.add(label + ": the wave on room " + w.room() + " ended with " + w.ok()
                + " x 200, " + w.conflict() + " x 409 and " + w.other() + " other (first: " + w.firstOther()
                + "); must be one 200 and " + (loadWave - 1) + " x 409"));
        if (wrong.size() > 10) {
            failures.add(label + ": " + (wrong.size() - 10) + " more waves like that");
        }
        return new int[]{serverErrors, noAnswer};
    }

    private static int errorsOf(Load load) {
        return java.util.stream.Stream.of(load.createDistinct, load.bookDistinct, load.createContended, load.bookContended)
                .mapToInt(c -> c.serverErrors() + c.noAnswer()).sum();
    }

    private void loadRow(String name, Load.Calls calls, long wallNanos) {
        Stats s = calls.stats(wallNanos);
        table.add(row(name, String.format("%.1f", s.perSecond()), percentiles(s), ms(s.maxMs()), calls.statusText()));
    }

    private static String percentiles(Stats s) {
        return s.count() == 0 ? "-" : String.format("%.0f / %.0f / %.0f", s.p50Ms(), s.percentileMs(95), s.p99Ms());
    }

    private static String cores(double cpuMs, double wallMs) {
        return String.format("%.2f", cpuMs / wallMs);
    }

    /** Waits until {@code expected} mails are stored, as long as new ones keep arriving (none for {@code quietSeconds}: stop). */
    private boolean awaitMailWhileItComes(int expected, int quietSeconds) throws InterruptedException {
        int seen = mail.total();
        long lastProgress = System.currentTimeMillis();
        while (seen < expected && System.currentTimeMillis() - lastProgress < quietSeconds * 1000L) {
            Thread.sleep(200);
            int now = mail.total();
            if (now > seen) {
                seen = now;
                lastProgress = System.currentTimeMillis();
            }
        }
        if (seen < expected) {
            log("  only %d of %d invitations, none new for %d s", seen, expected, quietSeconds);
        }
        return seen >= expected;
    }

    // ---------------------------------------------------------------------------------------------------- integrity

    private void verify() throws Exception {
        log("verifying: one guest, one RoomBooked per booking; the guest's invitation (from the local Google), none for the host ...");
        Thread.sleep(3000); // a doubled event or mail would arrive within this
        try (Connection c = db("scheduling"); Statement s = c.createStatement()) {
            Map<String, String> guestOf = new HashMap<>();
            try (ResultSet r = s.executeQuery("SELECT id::text, guest_id FROM practice_rooms WHERE guest_id IS NOT NULL")) {
                while (r.next()) {
                    guestOf.put(r.getString(1), r.getString(2));
                }
            }
            bookedBy.forEach((room, guest) -> {
                if (!guest.equals(guestOf.get(room))) {
                    failures.add("room " + room + " was booked by " + guest + " but its guest in the database is " + guestOf.get(room));
                }
            });
            guestOf.keySet().stream().filter(room -> !bookedBy.containsKey(room))
                    .forEach(room -> failures.add("room " + room + " has a guest nobody was told about"));
            Map<String, int[]> events = new HashMap<>();
            try (ResultSet r = s.executeQuery("SELECT message_key, count(*), count(published_at) FROM outbox WHERE event_type = '"
                    + BOOKED + "' GROUP BY message_key")) {
                while (r.next()) {
                    events.put(r.getString(1), new int[]{r.getInt(2), r.getInt(3)});
                }
            }
            bookedBy.keySet().forEach(room -> {
                int[] e = events.getOrDefault(room, new int[]{0, 0});
                if (e[0] != 1 || e[1] != 1) {
                    failures.add("room " + room + ": " + e[0] + " RoomBooked events, " + e[1] + " published (must be 1 and 1)");
                }
            });
            events.keySet().stream().filter(room -> !bookedBy.containsKey(room))
                    .forEach(room -> failures.add("RoomBooked for room " + room + " that no booking succeeded on"));
        }
        table.add(section("Integrity"));
        table.add(row("bookings (2xx)", String.valueOf(bookedBy.size()), "", "", ""));
        if (throughputOnly) {
            table.add(row("invitations", "not checked", "(bench.only=throughput)", "", ""));
            return;
        }
        Map<String, List<Long>> received = mail.receivedByAddress();
        int wrong = 0;
        for (Map.Entry<String, Integer> e : expectedMail.entrySet()) {
            int got = received.getOrDefault(e.getKey(), List.of()).size();
            if (got != e.getValue() && wrong++ < 20) {
                failures.add(e.getKey() + " received " + got + " invitations, expected " + e.getValue());
            }
        }
        received.keySet().stream().filter(a -> !expectedMail.containsKey(a))
                .forEach(a -> failures.add("unexpected mail to " + a));
        int expectedTotal = expectedMail.values().stream().mapToInt(Integer::intValue).sum();
        if (expectedTotal != (HOST_MAILS + GUEST_MAILS) * bookedBy.size()) {
            failures.add(bookedBy.size() + " bookings but " + expectedTotal + " expected invitations (must be "
                    + (HOST_MAILS + GUEST_MAILS) + " per booking: the guest's, from Google)");
        }
        // The same counts through IMAP, as a mail client sees them, for the mailboxes of sections 2 and 3 and both hosts.
        int imapChecked = 0;
        for (Map.Entry<String, Integer> e : expectedMail.entrySet()) {
            if (SECTION1_GUEST.matcher(e.getKey()).matches()) {
                continue; // section 1 guests: counted above from the server's store
            }
            int got = mail.imapCount(e.getKey());
            imapChecked++;
            if (got != e.getValue()) {
                failures.add("IMAP: " + e.getKey() + " holds " + got + " messages, expected " + e.getValue());
            }
        }
        table.add(row("invitations received", String.valueOf(mail.total()), "expected " + expectedTotal, "", ""));
        table.add(row("mailboxes checked over IMAP", String.valueOf(imapChecked), "", "", ""));
    }

    // ---------------------------------------------------------------------------------------------------- 4. start-up, RSS

    private void startupAndMemory(Path logDir) {
        table.add(section("4. Start-up and memory (JVM mode, " + String.join(" ", StackOptions.defaults(Path.of(".")).serviceJvmOptions())
                + ", all four started at once)"));
        table.add(row("service", "start->ready", "Quarkus 'started in'", "RSS idle", "RSS peak under load"));
        watch.rows(logDir).forEach((name, r) -> table.add(row(name, r[0] + " s", r[1] + " s", r[2] + " MiB", r[3] + " MiB")));
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    interface Op {
        long run(int worker, int index) throws Exception;
    }

    /** {@link #closedLoop} for the sections in their own classes. */
    interface Looper {
        Stats run(int workers, int n, Op op) throws Exception;
    }

    static String clip(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** {@code workers} threads take the next index until {@code n} are done; each op returns its latency in ns. */
    private Stats closedLoop(int workers, int n, Op op) throws Exception {
        long[] nanos = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> error = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < n && error.get() == null; i = next.getAndIncrement()) {
                    try {
                        nanos[i] = op.run(worker, i);
                    } catch (Exception e) {
                        error.compareAndSet(null, e);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        long wall = System.nanoTime() - start;
        if (error.get() != null) {
            throw error.get();
        }
        return new Stats(nanos, wall);
    }

    private List<Api.User> mintAll(String prefix, int n) throws Exception {
        List<Api.User> users = new ArrayList<>(java.util.Collections.nCopies(n, (Api.User) null));
        closedLoop(8, n, (w, i) -> {
            users.set(i, api.mint(prefix + i + "@bench.test", prefix.toUpperCase() + i));
            return 0;
        });
        return users;
    }

    private Connection db(String database) throws Exception {
        return DriverManager.getConnection(infra.jdbcUrl(database), infra.postgresUser(), infra.postgresPassword());
    }

    private void startJfr() throws Exception {
        if (jfrDir != null) {
            jcmd("JFR.start", "name=bench", "settings=" + System.getProperty("bench.jfrSettings", "profile"), "filename=" + Path.of(jfrDir, "scheduling-service.jfr").toAbsolutePath());
        }
    }

    private void stopJfr() throws Exception {
        if (jfrDir != null) {
            jcmd("JFR.stop", "name=bench");
        }
    }

    private void jcmd(String... args) throws Exception {
        long pid = stack.pid(CpuMeter.SERVICE).orElseThrow();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        cmd.addAll(List.of(args));
        new ProcessBuilder(cmd).inheritIO().start().waitFor();
    }

    /** Room start number {@code i}: i minutes after midnight UTC 30 days from now (the service takes up to 5 years ahead). */
    /**
     * The i-th session time, an hour apart: a host never has two booked sessions at once (scheduling-service refuses a
     * booking that clashes with its host's or guest's other bookings, issue 20), and sessions last an hour.
     */
    private static String slot(int i) {
        return SLOTS_FROM.plusHours(i).toInstant(ZoneOffset.UTC).toString();
    }

    static void log(String format, Object... args) {
        System.out.println("bench: " + String.format(format, args));
    }

    static String section(String title) {
        return "\n" + title;
    }

    static String row(String name, String a, String b, String c, String d) {
        return String.format("  %-46s %14s %22s %12s %22s", name, a, b, c, d);
    }

    static String rate(double value, String unit) {
        return String.format("%.1f %s", value, unit);
    }

    static String ms(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.1f ms", value);
    }

    private void printTable() {
        System.out.println();
        System.out.println("=== schedulr booking benchmark, " + Instant.now() + " ===");
        System.out.println(Machine.describe());
        table.forEach(System.out::println);
    }
}

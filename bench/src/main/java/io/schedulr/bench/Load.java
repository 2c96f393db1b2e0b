package io.schedulr.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The load section (hardening issue 12). For a fixed time, at once: (a) {@code hosts.size()} clients, each with a host
 * and a guest of its own, create a room and book it, again and again (every booking on a free room of its own); (b) one
 * wave after another of {@code waveGuests.size()} clients released together on one newly created room. Records the
 * status and latency of every call. Decides nothing about time; what must hold is read from {@link #problems()}, the
 * status counts, the waves and, by the caller, the database: no 5xx, every call answered, every free room booked by
 * its guest, exactly one 200 per wave and 409 for the rest.
 */
final class Load {
    /** Thread names of the load generator, for its own CPU time. */
    private static final String THREADS = "load-";
    private static final int PROBLEMS_KEPT = 20;

    /** One kind of call: latencies, answers per status code, calls that got no answer at all. */
    static final class Calls {
        private long[] nanos = new long[4096];
        private int count;
        private final Map<Integer, Integer> statuses = new TreeMap<>();
        private int noAnswer;
        private String firstNoAnswer;

        /** Makes the call and records it; null if there was no answer (refused, reset, timed out). */
        Api.Answer call(Call call) throws InterruptedException {
            try {
                Api.Answer a = call.run();
                record(a);
                return a;
            } catch (IOException e) {
                synchronized (this) {
                    noAnswer++;
                    if (firstNoAnswer == null) {
                        firstNoAnswer = e.toString();
                    }
                }
                return null;
            }
        }

        private synchronized void record(Api.Answer a) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = a.nanos();
            statuses.merge(a.status(), 1, Integer::sum);
        }

        synchronized Stats stats(long wallNanos) {
            return new Stats(Arrays.copyOf(nanos, count), wallNanos);
        }

        synchronized int serverErrors() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
        }

        synchronized int noAnswer() {
            return noAnswer;
        }

        synchronized String firstNoAnswer() {
            return firstNoAnswer;
        }

        /** "200:40 409:7960", plus "none:N" for calls without an answer. */
        synchronized String statusText() {
            StringBuilder s = new StringBuilder();
            statuses.forEach((status, n) -> s.append(s.isEmpty() ? "" : " ").append(status).append(':').append(n));
            if (noAnswer > 0) {
                s.append(s.isEmpty() ? "" : " ").append("none:").append(noAnswer);
            }
            return s.toString();
        }
    }

    interface Call {
        Api.Answer run() throws IOException, InterruptedException;
    }

    /** How one wave ended: 200s, 409s and anything else (with the first such answer), and when the last answer came. */
    record Wave(String room, int ok, int conflict, int other, String firstOther, long nanos) {
        boolean asExpected(int size) {
            return ok == 1 && conflict == size - 1 && other == 0;
        }
    }

    final Calls createDistinct = new Calls();
    final Calls bookDistinct = new Calls();
    final Calls createContended = new Calls();
    final Calls bookContended = new Calls();

    private final Api api;
    private final List<Api.User> hosts;
    private final List<Api.User> guests;
    private final Api.User waveHost;
    private final List<Api.User> waveGuests;
    private final long seconds;
    private final Supplier<String> nextSlot;

    /** Room id → the guest whose booking of it succeeded. */
    private final Map<String, String> booked = new ConcurrentHashMap<>();
    /** Address → invitations it must receive for the bookings of this run (0 for those who booked nothing). */
    private final Map<String, Integer> mails = new ConcurrentHashMap<>();
    private final List<Wave> waves = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger problemCount = new AtomicInteger();
    private final AtomicInteger distinctBooked = new AtomicInteger();
    private final Set<String> contendedBooked = ConcurrentHashMap.newKeySet();
    private long distinctWallNanos;
    private long contendedWallNanos;
    private double clientCpuMs;

    Load(Api api, List<Api.User> hosts, List<Api.User> guests, Api.User waveHost, List<Api.User> waveGuests, long seconds,
         Supplier<String> nextSlot) {
        this.api = api;
        this.hosts = hosts;
        this.guests = guests;
        this.waveHost = waveHost;
        this.waveGuests = waveGuests;
        this.seconds = seconds;
        this.nextSlot = nextSlot;
        // Everybody is expected to receive exactly what their bookings earn: nothing for a wave's losers.
        for (List<Api.User> users : List.of(hosts, guests, waveGuests, List.of(waveHost))) {
            users.forEach(u -> mails.put(u.email(), 0));
        }
    }

    /** Runs both workloads side by side until the time is up; a booking or wave under way then is finished. */
    void run() throws Exception {
        ExecutorService distinct = Executors.newFixedThreadPool(hosts.size(), named(THREADS + "distinct-"));
        ExecutorService contenders = Executors.newFixedThreadPool(waveGuests.size(), named(THREADS + "wave-"));
        Map<Long, Long> cpuBefore = clientThreadCpuNanos();
        try {
            long start = System.nanoTime();
            long deadline = start + seconds * 1_000_000_000L;
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < hosts.size(); c++) {
                Api.User host = hosts.get(c);
                Api.User guest = guests.get(c);
                clients.add(distinct.submit(() -> {
                    distinctRooms(host, guest, deadline);
                    return null;
                }));
            }
            waves(contenders, deadline);
            contendedWallNanos = System.nanoTime() - start;
            for (Future<?> f : clients) {
                f.get();
            }
            distinctWallNanos = System.nanoTime() - start;
            clientCpuMs = cpuSince(cpuBefore, clientThreadCpuNanos()) / 1e6;
        } finally {
            distinct.shutdownNow();
            contenders.shutdownNow();
        }
    }

    /** (a) One client: create a room as its host, book it as its guest, until the deadline. */
    private void distinctRooms(Api.User host, Api.User guest, long deadline) throws Exception {
        while (System.nanoTime() < deadline) {
            Api.Answer created = createDistinct.call(() -> api.create(host, nextSlot.get()));
            if (created == null) {
                Thread.sleep(100); // no answer: do not spin against a service that is down
                continue;
            }
            if (created.status() != 201) {
                problem("(a) creating a room answered " + created.status() + ": " + excerpt(created.body()));
                continue;
            }
            String room = Api.roomId(created);
            Api.Answer a = bookDistinct.call(() -> api.book(guest, room));
            if (a == null) {
                Thread.sleep(100);
            } else if (a.ok()) {
                booked.put(room, guest.id());
                distinctBooked.incrementAndGet();
                mails.merge(host.email(), Bench.HOST_MAILS, Integer::sum);
                mails.merge(guest.email(), Bench.GUEST_MAILS, Integer::sum);
            } else {
                problem("(a) booking free room " + room + " by its only guest answered " + a.status() + ": " + excerpt(a.body()));
            }
        }
    }

    /** (b) Waves: a new room, all contenders released together on it, wait for every answer; again until the deadline. */
    private void waves(ExecutorService contenders, long deadline) throws Exception {
        while (System.nanoTime() < deadline) {
            Api.Answer created = createContended.call(() -> api.create(waveHost, nextSlot.get()));
            if (created == null) {
                Thread.sleep(100);
                continue;
            }
            if (created.status() != 201) {
                problem("(b) creating a room answered " + created.status() + ": " + excerpt(created.body()));
                continue;
            }
            String room = Api.roomId(created);
            int size = waveGuests.size();
            CountDownLatch ready = new CountDownLatch(size);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Answer>> answers = new ArrayList<>(size);
            for (Api.User g : waveGuests) {
                answers.add(contenders.submit(() -> {
                    ready.countDown();
                    go.await();
                    return bookContended.call(() -> api.book(g, room));
                }));
            }
            ready.await();
            long t0 = System.nanoTime();
            go.countDown();
            int ok = 0;
            int conflict = 0;
            int other = 0;
            String firstOther = null;
            for (int i = 0; i < size; i++) {
                Api.Answer a = answers.get(i).get();
                if (a != null && a.status() == 200) {
                    ok++;
                    Api.User winner = waveGuests.get(i);
                    booked.put(room, winner.id());
                    contendedBooked.add(room);
                    mails.merge(waveHost.email(), Bench.HOST_MAILS, Integer::sum);
                    mails.merge(winner.email(), Bench.GUEST_MAILS, Integer::sum);
                } else if (a != null && a.status() == 409) {
                    conflict++;
                } else {
                    other++;
                    if (firstOther == null) {
                        firstOther = a == null ? "no answer" : a.status() + ": " + excerpt(a.body());
                    }
                }
            }
            waves.add(new Wave(room, ok, conflict, other, firstOther, System.nanoTime() - t0));
        }
    }

    private void problem(String text) {
        if (problemCount.incrementAndGet() <= PROBLEMS_KEPT) {
            problems.add(text);
        }
    }

    private static String excerpt(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** CPU time of the load generator's threads: ours and the HTTP client's (its selector and workers). */
    private static Map<Long, Long> clientThreadCpuNanos() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        if (!mx.isThreadCpuTimeSupported()) {
            return cpu;
        }
        for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null && (t.getThreadName().startsWith(THREADS) || t.getThreadName().startsWith("HttpClient-"))) {
                long ns = mx.getThreadCpuTime(t.getThreadId());
                if (ns >= 0) {
                    cpu.put(t.getThreadId(), ns);
                }
            }
        }
        return cpu;
    }

    private static long cpuSince(Map<Long, Long> before, Map<Long, Long> after) {
        return after.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
    }

    Map<String, String> booked() {
        return booked;
    }

    Map<String, Integer> mails() {
        return mails;
    }

    /** Rooms of (a) booked by their guest. */
    int distinctBooked() {
        return distinctBooked.get();
    }

    /** Rooms of (b) that somebody booked. */
    int contendedBooked() {
        return contendedBooked.size();
    }

    List<Wave> waves() {
        return List.copyOf(waves);
    }

    /** Unexpected answers of (a) and of room creation, the first {@value #PROBLEMS_KEPT}, and how many there were. */
    List<String> problems() {
        List<String> all = new ArrayList<>(problems);
        if (problemCount.get() > PROBLEMS_KEPT) {
            all.add("… " + (problemCount.get() - PROBLEMS_KEPT) + " more");
        }
        return all;
    }

    long distinctWallNanos() {
        return distinctWallNanos;
    }

    long contendedWallNanos() {
        return contendedWallNanos;
    }

    /** CPU of the load generator's own threads during the run, in ms (the rest of the bench JVM is Kafka, SMTP, issuer). */
    double clientCpuMs() {
        return clientCpuMs;
    }
}

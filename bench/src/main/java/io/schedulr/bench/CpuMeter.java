package io.schedulr.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time (user + system) spent by the processes of the run, read from /proc: the scheduling-service JVM, all
 * PostgreSQL processes, and this JVM (load generator, Kafka, SMTP, token issuer); for the load section also
 * notification-service and the machine as a whole. CPU per operation varies far less
 * than throughput when the machine's speed drifts between runs, so before/after comparisons use it.
 */
final class CpuMeter {
    static final String SERVICE = "scheduling-service";
    static final String POSTGRES = "PostgreSQL";
    static final String BENCH = "bench JVM (client, Kafka, SMTP)";
    private static final double TICK_MS = 10.0; // USER_HZ is 100 on Linux

    private final long servicePid;
    private final Map<String, Long> others = new LinkedHashMap<>();

    CpuMeter(long servicePid) {
        this.servicePid = servicePid;
    }

    /** Also measures this process (another service), listed after the scheduling-service. */
    CpuMeter with(String name, long pid) {
        others.put(name, pid);
        return this;
    }

    /** Milliseconds of CPU so far, per group. */
    Map<String, Double> snapshot() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put(SERVICE, ticks(servicePid) * TICK_MS);
        others.forEach((name, pid) -> cpu.put(name, ticks(pid) * TICK_MS));
        cpu.put(POSTGRES, postgresTicks() * TICK_MS);
        cpu.put(BENCH, ticks(ProcessHandle.current().pid()) * TICK_MS);
        return cpu;
    }

    /**
     * Milliseconds of CPU the whole machine has spent so far (all CPUs, every process, ours and anybody else's): the
     * first line of /proc/stat without idle and iowait; 0 where there is no /proc.
     */
    static double machineBusyMs() {
        String[] f = read(Path.of("/proc/stat")).lines().findFirst().orElse("").trim().split("\\s+");
        if (f.length < 9 || !"cpu".equals(f[0])) {
            return 0;
        }
        long busy = 0;
        for (int i = 1; i <= 8; i++) { // user nice system idle iowait irq softirq steal
            if (i != 4 && i != 5) {
                busy += Long.parseLong(f[i]);
            }
        }
        return busy * TICK_MS;
    }

    /** The 1-minute load average of the machine, "?" where there is no /proc. */
    static String loadAverage() {
        String[] f = read(Path.of("/proc/loadavg")).trim().split(" ");
        return f.length > 0 && !f[0].isEmpty() ? f[0] : "?";
    }

    /** Per operation: (after - before) / operations, in ms. */
    static Map<String, Double> perOperation(Map<String, Double> before, Map<String, Double> after, int operations) {
        Map<String, Double> per = new LinkedHashMap<>();
        after.forEach((k, v) -> per.put(k, (v - before.getOrDefault(k, 0.0)) / operations));
        return per;
    }

    private static long postgresTicks() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> "postgres".equals(read(p.resolve("comm")).trim()))
                    .mapToLong(p -> ticks(Long.parseLong(p.getFileName().toString())))
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** utime + stime of one process (fields 14 and 15 of /proc/PID/stat), 0 if it is gone. */
    private static long ticks(long pid) {
        String stat = read(Path.of("/proc", String.valueOf(pid), "stat"));
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return 0;
        }
        String[] f = stat.substring(end + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}

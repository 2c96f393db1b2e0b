package io.schedulr.bench;

import io.schedulr.deploy.ServiceSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per service: when its process started, when {@code /q/health/ready} first answered 200, what Quarkus itself logged as
 * its start time, and its resident memory (VmRSS), sampled every 250 ms — idle after start-up and peak under load.
 */
final class ServiceWatch implements AutoCloseable {
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    private final List<ServiceSpec> services;
    private final Api api;
    private final Map<String, Instant> readyAt = new ConcurrentHashMap<>();
    private final Map<String, Long> pids = new ConcurrentHashMap<>();
    private final Map<String, Instant> startedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> peakRssKb = new ConcurrentHashMap<>();
    private final Map<String, Long> idleRssKb = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "service-watch");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean underLoad;
    private Function<String, OptionalLong> pidOf = name -> OptionalLong.empty();

    ServiceWatch(List<ServiceSpec> services, Api api) {
        this.services = services;
        this.api = api;
    }

    /** Polls readiness every 50 ms from now on, before the launcher starts anything. */
    void watchReadiness() {
        timer.scheduleWithFixedDelay(() -> {
            for (ServiceSpec s : services) {
                if (!readyAt.containsKey(s.name()) && api.status(s.url() + "/q/health/ready") == 200) {
                    readyAt.put(s.name(), Instant.now());
                }
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
    }

    /** Samples the RSS of the service JVMs (process ids from {@code pidOf}) from now on. */
    void watchMemory(Function<String, OptionalLong> pidOf) {
        this.pidOf = pidOf;
        for (ServiceSpec s : services) {
            rememberPid(s.name());
            Optional.ofNullable(pids.get(s.name())).flatMap(ProcessHandle::of).flatMap(h -> h.info().startInstant())
                    .ifPresent(t -> startedAt.put(s.name(), t));
        }
        for (ServiceSpec s : services) {
            Long pid = pids.get(s.name());
            if (pid != null) {
                rssKb(pid).ifPresent(kb -> idleRssKb.put(s.name(), kb));
            }
        }
        timer.scheduleAtFixedRate(() -> {
            if (!underLoad) {
                return;
            }
            pids.forEach((name, pid) -> rssKb(pid).ifPresent(kb -> peakRssKb.merge(name, kb, Math::max)));
        }, 0, 250, TimeUnit.MILLISECONDS);
    }

    /** Follows the service's current JVM for RSS (after a restart); start-up figures stay those of the first start. */
    void rememberPid(String service) {
        pidOf.apply(service).ifPresent(pid -> pids.put(service, pid));
    }

    void underLoad(boolean value) {
        underLoad = value;
    }

    /** One row per service: start-to-ready seconds (our poll), Quarkus' own "started in", RSS idle and peak (MiB). */
    Map<String, String[]> rows(Path logDir) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (ServiceSpec s : services) {
            String ready = "?";
            if (startedAt.containsKey(s.name()) && readyAt.containsKey(s.name())) {
                ready = String.format("%.2f", Duration.between(startedAt.get(s.name()), readyAt.get(s.name())).toMillis() / 1000.0);
            }
            rows.put(s.name(), new String[]{ready, quarkusStartedIn(logDir.resolve(s.name() + ".log")),
                    mib(idleRssKb.get(s.name())), mib(peakRssKb.get(s.name()))});
        }
        return rows;
    }

    private static String mib(Long kb) {
        return kb == null ? "?" : String.valueOf(kb / 1024);
    }

    private static String quarkusStartedIn(Path log) {
        try {
            Matcher m = STARTED_IN.matcher(Files.readString(log));
            return m.find() ? m.group(1) : "?";
        } catch (IOException e) {
            return "?";
        }
    }

    static Optional<Long> rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

package io.schedulr.bench;

import io.schedulr.deploy.LocalStack;
import io.schedulr.deploy.ServiceSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.schedulr.bench.Bench.row;
import static io.schedulr.bench.Bench.section;

/**
 * Section 4b (issue 18): each service started alone while the rest of the stack runs — stopped, started again, process
 * start → first 200 from {@code /q/health/ready} (polled every 20 ms), {@code bench.startAlone} (3) times each; with
 * Quarkus' own "started in" of the last start and the RSS once ready.
 */
final class StartAloneSection {
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    private final LocalStack stack;
    private final Api api;
    private final ServiceWatch watch;
    private final Path logDir;
    private final List<String> table;
    private final int starts = Integer.getInteger("bench.startAlone", 3);

    StartAloneSection(LocalStack stack, Api api, ServiceWatch watch, Path logDir, List<String> table) {
        this.stack = stack;
        this.api = api;
        this.watch = watch;
        this.logDir = logDir;
        this.table = table;
    }

    void run() throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (ServiceSpec service : stack.services()) {
            if (!service.instance().equals(service.name())) {
                continue;
            }
            List<Double> seconds = new ArrayList<>();
            long rssKb = 0;
            for (int i = 0; i < starts; i++) {
                Bench.log("start alone: %s, start %d of %d ...", service.name(), i + 1, starts);
                stack.stop(service.name());
                seconds.add(startAndTime(service));
                watch.rememberPid(service.name());
                rssKb = stack.pid(service.name()).stream().mapToObj(ServiceWatch::rssKb).flatMap(Optional::stream)
                        .mapToLong(Long::longValue).findFirst().orElse(0);
            }
            Collections.sort(seconds);
            rows.add(new String[]{service.name(), String.format("%.2f / %.2f / %.2f s", seconds.get(0), seconds.get(seconds.size() / 2),
                    seconds.get(seconds.size() - 1)), lastStartedIn(service.name()), rssKb / 1024 + " MiB"});
        }
        table.add(section("4b. Start-up of one service alone (the rest of the stack running; stopped and started " + starts
                + " times each; process start -> first 200 from /q/health/ready, polled every 20 ms)"));
        table.add(row("service", "start->ready min / median / max", "last 'started in'", "RSS ready", ""));
        rows.forEach(r -> table.add(row(r[0], r[1], r[2], r[3], "")));
    }

    /** Starts the stopped service and returns the seconds from its process start until it first answered ready. */
    private double startAndTime(ServiceSpec service) throws Exception {
        AtomicLong readyAt = new AtomicLong();
        Thread poller = new Thread(() -> {
            while (readyAt.get() == 0 && !Thread.currentThread().isInterrupted()) {
                if (api.status(service.url() + "/q/health/ready") == 200) {
                    readyAt.set(System.currentTimeMillis());
                    return;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "start-alone-poll");
        poller.start();
        stack.restart(service.name());
        poller.join(5_000);
        poller.interrupt();
        long started = stack.pid(service.name()).stream().mapToObj(ProcessHandle::of).flatMap(Optional::stream)
                .map(h -> h.info().startInstant()).flatMap(Optional::stream).mapToLong(java.time.Instant::toEpochMilli)
                .findFirst().orElseThrow();
        long ready = readyAt.get() == 0 ? System.currentTimeMillis() : readyAt.get();
        return (ready - started) / 1000.0;
    }

    private String lastStartedIn(String service) {
        try {
            Matcher m = STARTED_IN.matcher(Files.readString(logDir.resolve(service + ".log")));
            String last = "?";
            while (m.find()) {
                last = m.group(1);
            }
            return last + " s";
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}

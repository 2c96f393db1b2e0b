package io.schedulr.testsupport.traces;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A local trace collector on one port: the services export their spans to it over OTLP/HTTP protobuf
 * ({@code POST /v1/traces}, see {@link OtlpReceiver}); people and tests read them back as JSON ({@code GET /traces},
 * {@code GET /traces/{traceId}}, see {@link TraceQueries}) or through this class. The latest
 * {@value #DEFAULT_CAPACITY} spans are kept in memory and end with the process.
 */
public final class LocalTraces implements AutoCloseable {
    public static final int DEFAULT_CAPACITY = 50_000;

    private final HttpServer server;
    private final ExecutorService executor;
    private final SpanStore store;
    private final String url;

    private LocalTraces(HttpServer server, ExecutorService executor, SpanStore store, String url) {
        this.server = server;
        this.executor = executor;
        this.store = store;
        this.url = url;
    }

    /** Starts on the loopback interface; port 0 picks a free one. */
    public static LocalTraces start(int port) throws IOException {
        return start(port, DEFAULT_CAPACITY);
    }

    /** The same, keeping at most {@code capacity} spans (the oldest go first). */
    public static LocalTraces start(int port, int capacity) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        SpanStore store = new SpanStore(capacity);
        server.createContext(OtlpReceiver.PATH, new OtlpReceiver(store));
        server.createContext(TraceQueries.PATH, new TraceQueries(store));
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "local-traces");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        return new LocalTraces(server, executor, store, "http://localhost:" + server.getAddress().getPort());
    }

    /** Base URL: the OTLP endpoint for the exporters ({@code POST url()/v1/traces}) and the JSON reads. */
    public String url() {
        return url;
    }

    /** {@code GET} this for the latest traces. */
    public String tracesUrl() {
        return url + TraceQueries.PATH;
    }

    /** The spans of {@code traceId} received so far, the earliest start first. */
    public List<CollectedSpan> trace(String traceId) {
        return store.trace(traceId.toLowerCase(Locale.ROOT));
    }

    /** The spans of {@code traceId}, waiting up to {@code timeout} until they satisfy {@code until}. */
    public List<CollectedSpan> awaitTrace(String traceId, Predicate<List<CollectedSpan>> until, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<CollectedSpan> trace = trace(traceId);
        while (!until.test(trace) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            trace = trace(traceId);
        }
        return trace;
    }

    /** The traces whose spans arrived last, the latest first. */
    public List<TraceSummary> latest(int limit) {
        return store.latest(limit);
    }

    /** How many spans are kept now. */
    public int spanCount() {
        return store.size();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Runs the collector by hand: port from the first argument (default 8094). */
    public static void main(String[] args) throws Exception {
        LocalTraces traces = start(args.length > 0 ? Integer.parseInt(args[0]) : 8094);
        System.out.println("local trace collector: OTLP/HTTP protobuf at " + traces.url() + "/v1/traces, traces at " + traces.tracesUrl());
        Thread.currentThread().join();
    }
}

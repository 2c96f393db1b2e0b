package io.schedulr.testsupport.calcom;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.schedulr.testsupport.StateFile;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local Cal.com on one port: API v2 under {@code /v2/} (see {@link V2Api}) with Cal.com's API-key auth,
 * per-endpoint {@code cal-api-version}, envelopes and rate limit; webhooks sent to subscribers as Cal.com sends them
 * (see {@link Webhooks}); and a control API under {@code /_control/} for what a person does on Cal.com's own pages
 * (see {@link ControlApi}). Paths, versions and shapes follow Cal.com's OpenAPI document
 * ({@code docs/api-reference/v2/openapi.json} in calcom/cal.com); where it is simpler than Cal.com, the class that does
 * the simplifying says so. State lives in memory and ends with the process, unless a state file keeps the bookings
 * ({@link StateFile}: the local stack keeps one, tests do not). The API key is never logged.
 */
public final class LocalCalcom implements AutoCloseable {
    /** {@code cal-api-version} of the bookings endpoints. */
    public static final String BOOKINGS_API_VERSION = ApiVersions.BOOKINGS;
    /** {@code cal-api-version} of {@code GET /v2/slots}. */
    public static final String SLOTS_API_VERSION = ApiVersions.SLOTS;
    /** {@code cal-api-version} of {@code GET /v2/event-types}. */
    public static final String EVENT_TYPES_API_VERSION = ApiVersions.EVENT_TYPES;
    /** {@code cal-api-version} of {@code GET /v2/teams/{teamId}/event-types}. */
    public static final String TEAM_EVENT_TYPES_API_VERSION = ApiVersions.TEAM_EVENT_TYPES;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Webhooks webhooks;
    private final Directory directory;
    private final StateFile state;
    private final String url;

    private LocalCalcom(HttpServer server, ExecutorService executor, Webhooks webhooks, Directory directory, StateFile state, String url) {
        this.state = state;
        this.server = server;
        this.executor = executor;
        this.webhooks = webhooks;
        this.directory = directory;
        this.url = url;
    }

    /** Starts on the loopback interface; port 0 picks a free one. */
    public static LocalCalcom start(int port, CalcomSettings settings) throws IOException {
        return start(port, settings, null);
    }

    /** The same, keeping the bookings in {@code stateFile} (null: in memory only), so that a restart finds them again. */
    public static LocalCalcom start(int port, CalcomSettings settings, Path stateFile) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        String url = "http://localhost:" + server.getAddress().getPort();
        Clock clock = Clock.systemUTC();
        Directory directory = new Directory(settings.seed());
        Webhooks webhooks = new Webhooks(new WebhookPayloads(directory), clock, settings.retryDelay());
        for (String subscriber : settings.subscriberUrls()) {
            webhooks.subscribe(directory.owner().id(), subscriber, Webhooks.BOOKING_TRIGGERS, settings.webhookSecret(), true, null);
        }
        Bookings bookings = new Bookings(directory, new Availability(directory), clock, url, webhooks);
        Outputs outputs = new Outputs(directory, url);
        RateLimiter limiter = new RateLimiter(settings.rateLimit(), settings.rateLimitWindow(), clock);
        FailureInjector failures = new FailureInjector();
        CallLog calls = new CallLog();
        route(server, "/v2/", new V2Api(settings.apiKeys(), limiter, directory, bookings, webhooks, outputs, clock,
                settings.pingOnSubscribe(), failures, calls)::handle, clock);
        route(server, "/_control/", new ControlApi(directory, bookings, webhooks, limiter, failures, calls, outputs, clock)::handle, clock);
        StateFile state = stateFile == null ? null : StateFile.keep(stateFile, "local Cal.com", bookings::export, bookings::restore);
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "local-calcom");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        return new LocalCalcom(server, executor, webhooks, directory, state, url);
    }

    /** Base URL; the API is at {@code url() + "/v2"}. */
    public String url() {
        return url;
    }

    /** The seeded team's id. */
    public long teamId() {
        return directory.defaultTeamId();
    }

    @Override
    public void close() {
        server.stop(0);
        if (state != null) {
            state.close();
        }
        executor.shutdownNow();
        webhooks.close();
    }

    private static void route(HttpServer server, String path, HttpHandler handler, Clock clock) {
        server.createContext(path, exchange -> {
            try {
                handler.handle(exchange);
            } catch (RuntimeException | IOException e) {
                fail(exchange, e, clock);
            }
        });
    }

    private static void fail(HttpExchange exchange, Exception e, Clock clock) {
        try {
            Map<String, Object> body = Map.of("status", "error", "timestamp", Times.iso(clock.instant()), "path",
                    exchange.getRequestURI().getPath(), "error", Map.of("code", "InternalServerErrorException", "message",
                            "local Cal.com failed: " + e.getClass().getSimpleName()));
            CalcomExchange.json(exchange, 500, body);
        } catch (IOException | RuntimeException ignored) {
            // the answer had already started; the client sees a broken response
        } finally {
            exchange.close();
        }
    }

    /**
     * Runs a local Cal.com by hand: port from the first argument (default 8093), the key from {@code CALCOM_API_KEY}
     * (else a fresh development key, printed once so it can be pasted), the subscriber from {@code CALCOM_WEBHOOK_URL}
     * with {@code CALCOM_WEBHOOK_SECRET}.
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8093;
        String key = System.getenv("CALCOM_API_KEY");
        boolean generated = key == null || key.isBlank();
        if (generated) {
            key = CalcomSettings.developmentKey();
        }
        CalcomSettings settings = CalcomSettings.defaults(key);
        String subscriber = System.getenv("CALCOM_WEBHOOK_URL");
        if (subscriber != null && !subscriber.isBlank()) {
            settings = settings.withWebhook(subscriber, System.getenv("CALCOM_WEBHOOK_SECRET"));
        }
        LocalCalcom calcom = start(port, settings);
        System.out.println("local Cal.com at " + calcom.url() + "/v2" + (generated ? " — development key " + key : " — key from CALCOM_API_KEY"));
        Thread.currentThread().join();
    }
}

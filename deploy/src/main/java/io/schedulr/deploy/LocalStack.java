package io.schedulr.deploy;

import io.schedulr.testsupport.calcom.LocalCalcom;
import io.schedulr.testsupport.infra.InfraEndpoints;
import io.schedulr.testsupport.infra.InfraPorts;
import io.schedulr.testsupport.infra.InfraSettings;
import io.schedulr.testsupport.infra.Infrastructure;
import io.schedulr.testsupport.infra.MailReceipt;
import io.schedulr.testsupport.traces.LocalTraces;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack: PostgreSQL, Kafka, SMTP+IMAP, the token issuer, the control endpoint, the local Cal.com and the local
 * trace collector in this JVM, the four services as child JVMs wired to them. {@link #main} keeps it in the foreground
 * until Ctrl-C.
 *
 * <p>With several replicas, as on Kubernetes (deploy/kubernetes), each service's schema is migrated once by a run that
 * migrates and exits ({@code QUARKUS_INIT_AND_EXIT}); then its replicas start, validating the schema instead of
 * migrating it. A single replica migrates its schema as it starts (nothing races it), which saves a JVM start per
 * service.
 */
public final class LocalStack implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** In the state folder: the local Cal.com's bookings, so a restart finds them (the local Google keeps its own file). */
    static final String CALCOM_STATE_FILE = "calcom-state.json";
    /** A lone replica migrates as it starts: nothing races it. */
    static final Map<String, String> MIGRATE_AT_START = Map.of(
            "QUARKUS_FLYWAY_MIGRATE_AT_START", "true",
            "QUARKUS_FLYWAY_VALIDATE_AT_START", "false");
    /** What the Kubernetes migration Job sets (deploy/kubernetes): run Flyway, then exit (validating first would refuse). */
    static final Map<String, String> MIGRATE_AND_EXIT = Map.of(
            "QUARKUS_INIT_AND_EXIT", "true",
            "QUARKUS_FLYWAY_MIGRATE_AT_START", "true",
            "QUARKUS_FLYWAY_VALIDATE_AT_START", "false");

    private final StackOptions options;
    private final PrintStream out;
    private final List<ServiceSpec> specs;
    /** Every replica of every service, the first replicas ({@link #specs}) first. */
    private final List<ServiceSpec> instances = new ArrayList<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    /** Service name → the copy of its build that it runs from (see {@link AppCopy}). */
    private final Map<String, Path> runJars = new LinkedHashMap<>();
    private final Object infraMonitor = new Object();
    private StateLock lock;
    private Infrastructure infra;
    private GoogleSettings google;
    private MailStatusSettings mailStatus;
    private CalcomSettingsOfStack calcomSettings;
    private LocalCalcom calcom;
    private LocalTraces traces;
    private volatile boolean closed;
    private volatile boolean startFailed;

    private LocalStack(StackOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.specs = ServiceSpec.all(options.ports());
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(StackOptions.USAGE);
            return;
        }
        LocalStack stack = null;
        try {
            StackOptions options = StackOptions.parse(args);
            stack = new LocalStack(options, System.out);
            LocalStack running = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "local-stack-stop"));
            stack.startAll();
            System.out.println("Press Ctrl-C to stop everything.");
        } catch (StackException e) {
            if (stack == null || !stack.closed) {
                System.err.println(e.getMessage()); // not when Ctrl-C during start-up caused it
            }
            if (stack != null) {
                stack.startFailed = true;
                stack.close();
            }
            System.exit(1);
        }
        awaitShutdown();
    }

    /** Starts everything and returns once every service is ready; on failure stops what it started. */
    public static LocalStack start(StackOptions options, PrintStream out) throws StackException {
        LocalStack stack = new LocalStack(options, out);
        try {
            stack.startAll();
            return stack;
        } catch (StackException | RuntimeException e) {
            stack.startFailed = true;
            stack.close();
            throw e;
        }
    }

    public InfraEndpoints endpoints() {
        return infra.endpoints();
    }

    /** Messages the stack's SMTP server has stored, with millisecond receive times. */
    public List<MailReceipt> mailReceipts() {
        return infra.mailReceipts();
    }

    /** The local Cal.com's base URL (its API under /v2, its control API under /_control). */
    public String calcomUrl() {
        return calcomSettings.calcomUrl();
    }

    /** The API key calcom-gateway is given for the local Cal.com (for tests acting on Cal.com as somebody else would). */
    public String calcomApiKey() {
        return calcomSettings.apiKey();
    }

    /** The local trace collector every service exports its spans to. */
    public LocalTraces traces() {
        return traces;
    }

    public List<ServiceSpec> services() {
        return specs;
    }

    /** The replicas of one service, the first one (on its documented port) first. */
    public List<ServiceSpec> replicasOf(String serviceName) {
        return instances.stream().filter(s -> s.name().equals(serviceName)).toList();
    }

    /**
     * Stops one service (SIGTERM, then force after the grace period) while the rest of the stack goes on — what an
     * operator sees when one pod is down. {@link #restart} brings it back. {@code serviceName} names a replica
     * ({@link ServiceSpec#instance()}): the service's name is its first replica.
     */
    public void stop(String serviceName) throws StackException {
        ServiceProcess service;
        synchronized (services) {
            service = running(serviceName);
            services.remove(service);
        }
        out.println("stopping " + serviceName + " (pid " + service.pid() + ") ...");
        if (!service.awaitStop(STOP_GRACE)) {
            out.println("  " + serviceName + " did not stop within " + STOP_GRACE.toSeconds() + " s; killed it");
        }
    }

    /** Starts a service stopped with {@link #stop} again (log appended) and returns once it is ready. */
    public void restart(String serviceName) throws StackException {
        ServiceSpec spec = instances.stream().filter(s -> s.instance().equals(serviceName)).findFirst()
                .orElseThrow(() -> new StackException("no service named " + serviceName));
        ServiceProcess service;
        synchronized (services) {
            if (closed) {
                throw new StackException("the stack is stopped");
            }
            if (services.stream().anyMatch(s -> s.spec().instance().equals(serviceName))) {
                throw new StackException(serviceName + " is already running");
            }
            Path logDir = options.stateDir().resolve("logs");
            out.println("starting " + serviceName + " again on port " + spec.port() + " (log: " + logDir.resolve(serviceName + ".log") + ")");
            service = ServiceProcess.start(spec, runJars.get(spec.name()), options.serviceJvmOptions(), environmentOf(spec), logDir, true);
            services.add(service);
        }
        new ReadinessWait(options.readyTimeout()).awaitAll(List.of(service));
        service.reportUnexpectedExitTo(out);
    }

    /** The process id of a running service. */
    public OptionalLong pid(String serviceName) {
        synchronized (services) {
            return services.stream().filter(s -> s.spec().instance().equals(serviceName)).mapToLong(ServiceProcess::pid).findFirst();
        }
    }

    private ServiceProcess running(String serviceName) throws StackException {
        return services.stream().filter(s -> s.spec().instance().equals(serviceName)).findFirst()
                .orElseThrow(() -> new StackException(serviceName + " is not running"));
    }

    private void startAll() throws StackException {
        Path stateDir = options.stateDir();
        lock = StateLock.acquire(stateDir);
        PortCheck.requireFree(options.ports());
        InfraPorts.reserve(options.ports().byPort().keySet());
        requireBuilt();
        for (ServiceSpec spec : specs) {
            runJars.put(spec.name(), AppCopy.of(spec, options.repoRoot(), stateDir.resolve("apps")));
        }
        Path logDir = stateDir.resolve("logs");
        sendInfrastructureLogTo(logDir);

        out.println("starting PostgreSQL, Kafka, SMTP/IMAP and the token issuer (state: " + stateDir + ") ...");
        startInfrastructure(stateDir);
        InfraEndpoints endpoints = infra.endpoints();
        StackTopics.create(endpoints.kafkaBootstrapServers());
        google = GoogleSettings.of(endpoints.issuerUrl(), "http://localhost:" + options.ports().calendarSync(),
                "http://localhost:" + options.ports().scheduling() + "/", stateDir);
        mailStatus = MailStatusSettings.of("http://localhost:" + options.ports().notification());
        calcomSettings = CalcomSettingsOfStack.of(options.ports().calcom(), "http://localhost:" + options.ports().calcomGateway());
        startCalcom();
        startTraces();
        boolean migrateFirst = options.replicas() > 1;
        if (migrateFirst) {
            migrateSchemas(logDir);
        }

        instances.addAll(specs);
        for (int replica = 1; replica < options.replicas(); replica++) {
            for (ServiceSpec spec : specs) {
                instances.add(spec.replica(replica, InfraPorts.free()));
            }
        }
        // One replica of each at a time, as a rolling deployment does: eight JVMs starting at once on two cores time out.
        for (int replica = 0; replica < options.replicas(); replica++) {
            int wave = replica;
            startAndAwait(instances.stream().filter(spec -> spec.replica() == wave).toList(), logDir, !migrateFirst);
        }
        out.println(StackTable.render(specs, endpoints, google, calcomSettings, traces.tracesUrl(), stateDir, logDir));
        instances.stream().filter(spec -> spec.replica() > 0)
                .forEach(spec -> out.println("  also " + spec.instance() + ": " + spec.url()));
    }

    /**
     * Each service's Flyway migrations, once, by a run of the service that migrates and exits — the Kubernetes
     * migration Job's mode — before any replica starts (replicas only validate the schema).
     */
    private void startAndAwait(List<ServiceSpec> wave, Path logDir, boolean migrate) throws StackException {
        List<ServiceProcess> started = new ArrayList<>();
        for (ServiceSpec spec : wave) {
            synchronized (services) {
                if (closed) {
                    throw new StackException("stopped while starting");
                }
                out.println("starting " + spec.instance() + " on port " + spec.port() + " (log: " + logDir.resolve(spec.instance() + ".log") + ")");
                Map<String, String> env = new LinkedHashMap<>(environmentOf(spec));
                if (migrate) {
                    env.putAll(MIGRATE_AT_START);
                }
                ServiceProcess service = ServiceProcess.start(spec, runJars.get(spec.name()), options.serviceJvmOptions(), env, logDir, false);
                services.add(service);
                started.add(service);
            }
        }
        out.println("waiting for them to be ready (up to " + options.readyTimeout().toSeconds() + " s) ...");
        new ReadinessWait(options.readyTimeout()).awaitAll(started);
        started.forEach(service -> service.reportUnexpectedExitTo(out));
    }

    private void migrateSchemas(Path logDir) throws StackException {
        List<ServiceProcess> runs = new ArrayList<>();
        for (ServiceSpec spec : specs) {
            synchronized (services) {
                if (closed) {
                    throw new StackException("stopped while starting");
                }
                Map<String, String> env = new LinkedHashMap<>(environmentOf(spec));
                env.putAll(MIGRATE_AND_EXIT);
                runs.add(ServiceProcess.start(spec, spec.name() + "-migrate", runJars.get(spec.name()), options.serviceJvmOptions(), env,
                        logDir, false));
            }
        }
        out.println("migrating the four databases (one migrate-and-exit run per service) ...");
        for (ServiceProcess run : runs) {
            if (!run.awaitExit(options.readyTimeout()) || run.exitValue() != 0) {
                runs.forEach(ServiceProcess::requestStop);
                throw new StackException("migrating " + run.spec().name() + "'s database failed; see " + run.log()
                        + ReadinessWait.tail(run.log()));
            }
        }
    }

    private Map<String, String> environmentOf(ServiceSpec spec) {
        return environment(spec, infra.endpoints(), google, mailStatus, calcomSettings, traces.url(), options.environmentOf(spec.name()));
    }

    private void requireBuilt() throws StackException {
        for (ServiceSpec spec : specs) {
            Path jar = spec.runJar(options.repoRoot());
            if (!Files.isRegularFile(jar)) {
                throw new StackException(spec.name() + " is not built: " + jar + " is missing (run deploy/local/run --build)");
            }
        }
    }

    private void startInfrastructure(Path stateDir) throws StackException {
        StackPorts p = options.ports();
        InfraSettings settings = new InfraSettings(stateDir, p.postgres(), p.kafka(), p.kafkaController(), p.smtp(), p.imap(),
                p.issuer(), p.control(), InfraSettings.SERVICE_DATABASES, false);
        synchronized (infraMonitor) {
            if (closed) {
                throw new StackException("stopped while starting");
            }
            try {
                infra = Infrastructure.start(settings);
            } catch (IOException | RuntimeException e) {
                throw new StackException("the infrastructure did not start: " + e.getMessage()
                        + "; see " + stateDir.resolve("logs").resolve("infrastructure.log"), e);
            }
        }
    }

    /** The environment each service reads (see docs/operations.md), then {@code overrides}. */
    static Map<String, String> environment(ServiceSpec spec, InfraEndpoints infra, GoogleSettings google, MailStatusSettings mailStatus,
                                           CalcomSettingsOfStack calcom, String tracesUrl, Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(spec.port()));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", infra.reactiveUrl(spec.database()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrl(spec.database()));
        env.put("QUARKUS_DATASOURCE_USERNAME", infra.postgresUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", infra.postgresPassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
        env.put("QUARKUS_MAILER_HOST", "localhost");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(infra.smtpPort()));
        // GreenMail speaks plain SMTP without login; production requires both.
        env.put("QUARKUS_MAILER_START_TLS", "DISABLED");
        env.put("QUARKUS_MAILER_LOGIN", "NONE");
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", infra.issuerUrl());
        // Replicas never migrate: the migrate-and-exit run did (as the Kubernetes Job does); they refuse an old schema.
        // (A lone replica is told to migrate as it starts: MIGRATE_AT_START.)
        env.put("QUARKUS_FLYWAY_MIGRATE_AT_START", "false");
        env.put("QUARKUS_FLYWAY_VALIDATE_AT_START", "true");
        // Readable text logs (with the trace id) on a developer's machine; JSON is for prod.
        env.put("SCHEDULR_LOG_JSON", "false");
        // Every trace, to the local collector (Quarkus posts to <endpoint>/v1/traces), within about a second.
        env.put("SCHEDULR_TRACE_SAMPLE_RATIO", "1");
        env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", tracesUrl);
        env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
        env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s");
        env.putAll(google.environment(spec.name().equals("calendar-sync-service")));
        if (spec.name().equals("calcom-gateway")) {
            env.putAll(calcom.gatewayEnvironment());
        }
        if (spec.name().equals("notification-service")) {
            env.putAll(mailStatus.notificationEnvironment());
        }
        if (spec.name().equals("scheduling-service")) {
            env.putAll(calcom.schedulingEnvironment());
            env.putAll(google.schedulingEnvironment());
            env.putAll(mailStatus.schedulingEnvironment());
        }
        env.putAll(overrides);
        return env;
    }

    /** The local Cal.com, subscribed to calcom-gateway's webhook route (deliveries wait for nobody: Cal.com retries). */
    private void startCalcom() throws StackException {
        synchronized (infraMonitor) {
            if (closed) {
                throw new StackException("stopped while starting");
            }
            try {
                calcom = LocalCalcom.start(options.ports().calcom(), calcomSettings.settings().withPingOnSubscribe(false),
                        options.stateDir().resolve(CALCOM_STATE_FILE));
                calcomSettings = calcomSettings.withTeam(calcom.teamId());
            } catch (IOException | RuntimeException e) {
                throw new StackException("the local Cal.com did not start on port " + options.ports().calcom() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The local trace collector, before the services so that their first spans find it. */
    private void startTraces() throws StackException {
        synchronized (infraMonitor) {
            if (closed) {
                throw new StackException("stopped while starting");
            }
            try {
                traces = LocalTraces.start(options.ports().traces());
            } catch (IOException | RuntimeException e) {
                throw new StackException("the local trace collector did not start on port " + options.ports().traces() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Stops the services (SIGTERM, then force after a grace period), then the infrastructure. Safe to call twice. */
    @Override
    public void close() {
        List<ServiceProcess> running;
        synchronized (services) {
            if (closed) {
                return;
            }
            closed = true;
            running = List.copyOf(services);
        }
        running.forEach(ServiceProcess::requestStop);
        for (ServiceProcess service : running) {
            out.println("stopping " + service.spec().name() + " (pid " + service.pid() + ") ...");
            if (!service.awaitStop(STOP_GRACE)) {
                out.println("  " + service.spec().name() + " did not stop within " + STOP_GRACE.toSeconds() + " s; killed it");
            }
        }
        boolean hadInfra;
        synchronized (infraMonitor) {
            hadInfra = infra != null;
            if (calcom != null) {
                calcom.close();
                calcom = null;
            }
            if (traces != null) {
                traces.close();
                traces = null;
            }
            if (hadInfra) {
                out.println("stopping the control endpoint, token issuer, SMTP/IMAP, Kafka and PostgreSQL ...");
                infra.close();
                infra = null;
            }
        }
        if (lock != null) {
            lock.close();
        }
        if (options.removeStateOnStop()) {
            if (!startFailed) {
                StateFolder.delete(options.stateDir());
            } else {
                out.println("kept the temporary state folder for its logs: " + options.stateDir());
            }
        }
        if (hadInfra || !running.isEmpty()) {
            out.println("local stack stopped.");
        }
    }

    /** Kafka, GreenMail and PostgreSQL log through slf4j-simple: into the state folder, unless told otherwise. */
    private static void sendInfrastructureLogTo(Path logDir) throws StackException {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new StackException("cannot create " + logDir + ": " + e.getMessage(), e);
        }
        if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) {
            System.setProperty("org.slf4j.simpleLogger.logFile", logDir.resolve("infrastructure.log").toString());
        }
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
    }

    private static void awaitShutdown() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

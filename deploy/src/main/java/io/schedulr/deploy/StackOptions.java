package io.schedulr.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What to start, from the command line.
 *
 * @param repoRoot          the checkout whose services' {@code target/quarkus-app/quarkus-run.jar} are run
 * @param stateDir          where PostgreSQL, Kafka, the lock and the logs live; wipe it to reset everything
 * @param serviceJvmOptions options for each service JVM
 * @param removeStateOnStop delete {@code stateDir} after stopping (a temporary folder)
 * @param serviceEnvironment per service name, variables set after the launcher's own (tests: e.g. one service with JSON logs)
 * @param replicas          copies of each service, all on the same databases and topics (as replicas on Kubernetes)
 */
public record StackOptions(Path repoRoot, Path stateDir, StackPorts ports, Duration readyTimeout,
                           List<String> serviceJvmOptions, boolean removeStateOnStop,
                           Map<String, Map<String, String>> serviceEnvironment, int replicas) {

    public StackOptions {
        serviceEnvironment = Map.copyOf(serviceEnvironment);
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, not " + replicas);
        }
    }

    public StackOptions(Path repoRoot, Path stateDir, StackPorts ports, Duration readyTimeout, List<String> serviceJvmOptions,
                        boolean removeStateOnStop) {
        this(repoRoot, stateDir, ports, readyTimeout, serviceJvmOptions, removeStateOnStop, Map.of(), 1);
    }

    public static final String USAGE = """
            usage: deploy/local/run [--build] [--state DIR] [--ports=fixed|free|BASE] [--replicas N] [--timeout SECONDS]
              --build            rebuild everything first (./mvnw install -DskipTests)
              --state DIR        state folder (default: .local-stack at the repository root); wipe it to reset
              --ports=fixed      the documented ports 8080-8083, 15432, 19092-19093, 3025, 3143, 8090-8091,
                                 8093-8094 (default)
              --ports=free       any free ports, to run beside another stack (state: a temporary folder
                                 removed at stop, unless --state is given)
              --ports=BASE       thirteen consecutive ports from BASE (state: .local-stack/ports-BASE)
              --replicas N       N copies of each service (default 1); the first on the ports above, the
                                 others on free ports listed at start
              --timeout SECONDS  how long to wait for the services to get ready (default 180)
            environment: SERVICE_JAVA_OPTS  JVM options of each service (default: -Xmx512m -Xms32m
                                            -XX:+UseSerialGC -XX:TieredStopAtLevel=1)""";

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);

    public StackOptions withPorts(StackPorts other) {
        return new StackOptions(repoRoot, stateDir, other, readyTimeout, serviceJvmOptions, removeStateOnStop, serviceEnvironment, replicas);
    }

    public StackOptions withStateDir(Path other, boolean removeOnStop) {
        return new StackOptions(repoRoot, other, ports, readyTimeout, serviceJvmOptions, removeOnStop, serviceEnvironment, replicas);
    }

    public StackOptions withReadyTimeout(Duration other) {
        return new StackOptions(repoRoot, stateDir, ports, other, serviceJvmOptions, removeStateOnStop, serviceEnvironment, replicas);
    }

    /** These variables for {@code service} on top of what the launcher gives it (they win). */
    public StackOptions withServiceEnvironment(String service, Map<String, String> variables) {
        Map<String, Map<String, String>> all = new HashMap<>(serviceEnvironment);
        all.merge(service, Map.copyOf(variables), (before, added) -> {
            Map<String, String> merged = new HashMap<>(before);
            merged.putAll(added);
            return Map.copyOf(merged);
        });
        return new StackOptions(repoRoot, stateDir, ports, readyTimeout, serviceJvmOptions, removeStateOnStop, all, replicas);
    }

    /** {@code count} copies of each service (the first on its documented port, the others on free ports). */
    public StackOptions withReplicas(int count) {
        return new StackOptions(repoRoot, stateDir, ports, readyTimeout, serviceJvmOptions, removeStateOnStop, serviceEnvironment, count);
    }

    /** The extra variables of one service (none unless {@link #withServiceEnvironment} set some). */
    Map<String, String> environmentOf(String service) {
        return serviceEnvironment.getOrDefault(service, Map.of());
    }

    /**
     * The services' JVM options unless {@code SERVICE_JAVA_OPTS} says otherwise: the C1 compiler only and the serial
     * collector start the four services at once in about 60 % of the time on two cores, booking throughput in bench/run's
     * section 1 within the noise (docs/performance.md, round 2). A small initial heap ({@code -Xms32m}; the JVM's default
     * is 1/64 of the machine's memory, whose young generation is filled before the first collection) keeps each service's
     * RSS 20–27 % lower, idle and under load.
     */
    public static final String DEFAULT_JVM_OPTIONS = "-Xmx512m -Xms32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    /** Defaults for the checkout at {@code repoRoot}: fixed ports, state in {@code .local-stack}. */
    public static StackOptions defaults(Path repoRoot) {
        String javaOpts = System.getenv().getOrDefault("SERVICE_JAVA_OPTS", DEFAULT_JVM_OPTIONS).trim();
        List<String> jvm = javaOpts.isEmpty() ? List.of() : Arrays.asList(javaOpts.split("\\s+"));
        return new StackOptions(repoRoot, repoRoot.resolve(".local-stack"), StackPorts.fixed(), DEFAULT_TIMEOUT, List.copyOf(jvm),
                false);
    }

    public static StackOptions parse(String[] args) throws StackException {
        StackOptions options = defaults(findRepoRoot());
        boolean stateGiven = false;
        String portsChoice = "fixed";
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            if (name.equals("--build")) {
                continue; // handled by deploy/local/run
            }
            if (value == null && (name.equals("--state") || name.equals("--ports") || name.equals("--timeout") || name.equals("--replicas"))) {
                if (i + 1 >= args.length) {
                    throw new StackException(name + " needs a value\n" + USAGE);
                }
                value = args[++i];
            }
            switch (name) {
                case "--state" -> {
                    options = options.withStateDir(Path.of(value).toAbsolutePath().normalize(), false);
                    stateGiven = true;
                }
                case "--ports" -> {
                    options = options.withPorts(ports(value));
                    portsChoice = value;
                }
                case "--timeout" -> options = options.withReadyTimeout(Duration.ofSeconds(number(name, value)));
                case "--replicas" -> {
                    int count = number(name, value);
                    if (count < 1 || count > 4) {
                        throw new StackException("--replicas needs 1 to 4, not " + value);
                    }
                    options = options.withReplicas(count);
                }
                default -> throw new StackException("unknown option " + arg + "\n" + USAGE);
            }
        }
        return stateGiven ? options : withDefaultState(options, portsChoice);
    }

    /** Kafka keeps its controller address in its state: other ports get another folder than the fixed ones. */
    private static StackOptions withDefaultState(StackOptions options, String portsChoice) throws StackException {
        return switch (portsChoice) {
            case "fixed" -> options;
            case "free" -> {
                try {
                    yield options.withStateDir(Files.createTempDirectory("schedulr-local-stack"), true);
                } catch (IOException e) {
                    throw new StackException("cannot create a temporary state folder: " + e.getMessage(), e);
                }
            }
            default -> options.withStateDir(options.stateDir().resolve("ports-" + portsChoice), false);
        };
    }

    private static StackPorts ports(String value) throws StackException {
        return switch (value) {
            case "fixed" -> StackPorts.fixed();
            case "free" -> StackPorts.free();
            default -> {
                int base = number("--ports", value);
                if (base < 1024 || base > 65535 - (StackPorts.COUNT - 1)) {
                    throw new StackException("--ports=BASE needs a base between 1024 and " + (65535 - (StackPorts.COUNT - 1)) + ", not " + value);
                }
                yield StackPorts.fromBase(base);
            }
        };
    }

    private static int number(String option, String value) throws StackException {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new StackException(option + " expects a number, not '" + value + "'\n" + USAGE);
        }
    }

    /** The system property {@code schedulr.repo} (set by deploy/local/run), else the nearest folder up with deploy/local/run. */
    static Path findRepoRoot() throws StackException {
        String property = System.getProperty("schedulr.repo");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("deploy/local/run"))) {
                return dir;
            }
        }
        throw new StackException("cannot find the repository root; run deploy/local/run or set -Dschedulr.repo=DIR");
    }
}

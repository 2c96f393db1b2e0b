package io.schedulr.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as a child JVM ({@code java -jar quarkus-run.jar}), its output in a log file. */
final class ServiceProcess {
    private final ServiceSpec spec;
    private final Process process;
    private final Path log;
    private volatile boolean stopping;

    private ServiceProcess(ServiceSpec spec, Process process, Path log) {
        this.spec = spec;
        this.process = process;
        this.log = log;
    }

    /** Starts the service with {@code env} added to this JVM's environment; {@code appendLog} keeps an earlier run's log. */
    static ServiceProcess start(ServiceSpec spec, Path jar, List<String> jvmOptions, Map<String, String> env, Path logDir,
                                boolean appendLog) throws StackException {
        return start(spec, spec.instance(), jar, jvmOptions, env, logDir, appendLog);
    }

    /** As {@link #start(ServiceSpec, Path, List, Map, Path, boolean)}, logging to {@code logName}.log. */
    static ServiceProcess start(ServiceSpec spec, String logName, Path jar, List<String> jvmOptions, Map<String, String> env,
                                Path logDir, boolean appendLog) throws StackException {
        if (!Files.isRegularFile(jar)) {
            throw new StackException(spec.name() + " is not built: " + jar + " is missing (run deploy/local/run --build)");
        }
        Path log = logDir.resolve(logName + ".log");
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        try {
            Files.createDirectories(logDir);
            return new ServiceProcess(spec, builder.start(), log);
        } catch (IOException e) {
            throw new StackException("cannot start " + spec.instance() + ": " + e.getMessage(), e);
        }
    }

    /** From now on, a line naming the log goes to {@code out} when the service ends without being asked to. */
    void reportUnexpectedExitTo(PrintStream out) {
        process.onExit().thenAccept(p -> {
            if (!stopping) {
                out.println("!! " + spec.instance() + " stopped unexpectedly (exit code " + p.exitValue() + "); see " + log);
            }
        });
    }

    ServiceSpec spec() {
        return spec;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** Waits up to {@code timeout} for the process to end by itself; false if it is still running (then it is killed). */
    boolean awaitExit(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopping = true;
        process.destroyForcibly();
        return false;
    }

    /** Asks the JVM to end (SIGTERM: Quarkus shuts down gracefully); does not wait. */
    void requestStop() {
        stopping = true;
        process.destroy();
    }

    /** Waits up to {@code grace} after {@link #requestStop()}, then kills it. Returns true if it ended by itself. */
    boolean awaitStop(Duration grace) {
        requestStop();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return false;
    }

    /** The java of this JVM, so the services run on the same JDK as the launcher. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

package io.schedulr.testsupport;

import io.schedulr.testsupport.infra.InfraEndpoints;
import io.schedulr.testsupport.infra.InfraMain;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The real infrastructure of a test JVM: started once, in a child JVM, on free ports; ended with this JVM.
 * Safe to call from any class loader (Quarkus loads test classes more than once): the state lives in system properties.
 */
public final class TestInfra {
    private static final String ENDPOINTS_KEY = "schedulr.infra.endpoints";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private TestInfra() {
    }

    public static InfraEndpoints get() {
        Properties system = System.getProperties();
        synchronized (system) {
            Object stored = system.get(ENDPOINTS_KEY);
            if (stored instanceof String text) {
                return parse(text);
            }
            try {
                InfraEndpoints endpoints = launch();
                system.put(ENDPOINTS_KEY, format(endpoints));
                return endpoints;
            } catch (IOException e) {
                throw new IllegalStateException("could not start the test infrastructure: " + e.getMessage(), e);
            }
        }
    }

    private static InfraEndpoints launch() throws IOException {
        Path workDir = Files.isDirectory(Path.of("target")) ? Path.of("target") : Path.of(System.getProperty("java.io.tmpdir"));
        Path readyFile = Files.createTempFile(workDir, "infra-", ".properties");
        Files.delete(readyFile);
        Path log = workDir.resolve("infra-" + ProcessHandle.current().pid() + ".log");
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath(),
                InfraMain.class.getName(), readyFile.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // The hook also keeps the child's stdin pipe reachable: the child exits when this JVM ends and the pipe closes.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "infra-stop"));

        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!Files.exists(readyFile)) {
            if (!process.isAlive()) {
                throw new IOException("the infrastructure JVM exited with " + process.exitValue() + "; see " + log.toAbsolutePath()
                        + ":\n" + tail(log));
            }
            if (Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IOException("the infrastructure was not ready after " + START_TIMEOUT + "; see " + log.toAbsolutePath());
            }
            sleep(100);
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(readyFile)) {
            p.load(in);
        }
        return InfraEndpoints.fromProperties(p);
    }

    private static String classpath() throws IOException {
        String dependencies;
        try (InputStream in = InfraMain.class.getResourceAsStream("classpath.txt")) {
            if (in == null) {
                throw new IOException("test-support was built without its classpath.txt");
            }
            dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        return ownLocation() + java.io.File.pathSeparator + dependencies;
    }

    /** The folder or jar that holds test-support's own classes. */
    private static String ownLocation() throws IOException {
        URL url = InfraMain.class.getResource("InfraMain.class");
        if (url == null) {
            throw new IOException("cannot locate test-support classes");
        }
        String s = url.toString();
        String suffix = "/" + InfraMain.class.getName().replace('.', '/') + ".class";
        try {
            if (s.startsWith("jar:")) {
                String jar = s.substring("jar:".length(), s.indexOf("!/"));
                return Path.of(new java.net.URI(jar)).toString();
            }
            return Path.of(new java.net.URI(s.substring(0, s.length() - suffix.length()))).toString();
        } catch (URISyntaxException e) {
            throw new IOException("unexpected class location " + s, e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static String format(InfraEndpoints endpoints) {
        StringWriter w = new StringWriter();
        try {
            endpoints.toProperties().store(w, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    private static InfraEndpoints parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return InfraEndpoints.fromProperties(p);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

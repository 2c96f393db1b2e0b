package io.schedulr.deploy;

import io.schedulr.testsupport.infra.InfraPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starts the whole local stack the way deploy/local/run does, on ports of its own, and checks what a user relies on. */
class LocalStackSmokeTest {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path state;

    @TempDir
    Path otherState;

    @Test
    void startsEveryServiceReadyWithTokensCheckedRefusesASecondStartAndFreesItsPortsWhenStopped() throws Exception {
        StackPorts ports = StackPorts.fromBase(InfraPorts.freeBlock(StackPorts.COUNT));
        StackOptions options = new StackOptions(StackOptions.findRepoRoot(), state, ports, Duration.ofSeconds(150),
                StackClient.SERVICE_JVM_OPTIONS, false);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream launcherOut = new PrintStream(new TeeStream(output, System.out), true, StandardCharsets.UTF_8);

        try (LocalStack stack = LocalStack.start(options, launcherOut)) {
            for (ServiceSpec service : stack.services()) {
                HttpResponse<String> ready = get(service.url() + "/q/health/ready", null);
                assertThat(ready.statusCode()).as(service.name() + " ready").isEqualTo(200);
                assertThat(ready.body()).contains("\"status\": \"UP\"").doesNotContain("DOWN");
            }
            assertThat(output.toString(StandardCharsets.UTF_8))
                    .contains("http://localhost:" + ports.scheduling(), "localhost:" + ports.kafka(),
                            "jdbc:postgresql://localhost:" + ports.postgres() + "/scheduling", "/token", "/api/whoami",
                            "http://localhost:" + ports.traces() + "/traces");

            String token = token(stack.endpoints().issuerUrl());
            String whoami = "http://localhost:" + ports.scheduling() + "/api/whoami";
            HttpResponse<String> me = get(whoami, token);
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("alice@example.com");
            assertThat(get(whoami, tamper(token)).statusCode()).isEqualTo(401);
            assertThat(awaitTraceListing("http://localhost:" + ports.traces() + "/traces", "GET /api/whoami"))
                    .as("the services export their spans to the stack's trace collector").contains("\"scheduling-service\"");

            for (ServiceSpec service : stack.services()) {
                String commandLine = ProcessHandle.of(stack.pid(service.name()).orElseThrow()).orElseThrow().info().commandLine().orElse("");
                assertThat(commandLine).as(service.name() + " runs from a copy of its build, so a rebuild cannot break it")
                        .contains(state.resolve("apps").resolve(service.name()).toString());
                assertThat(eventLoopThreads(stack.pid(service.name()).orElseThrow()))
                        .as(service.name() + " runs one Vert.x event loop, as its production profile says").isEqualTo(1);
            }

            // The README's "Try it", pasted into a shell: each step answers as the README says (the stack is fresh).
            String tryIt = ReadmeTryIt.run(ReadmeTryIt.script(StackOptions.findRepoRoot(), ports), 240);
            assertThat(tryIt).as(tryIt).contains("alice@example.com", "calendar_conflict", "startup 200", "team 200", "booking-type 200",
                    "guests 200", "details 200", "confirmed http", "moved to 2030-01-1", "now cancelled")
                    .doesNotContain("undefined", "TypeError", "SyntaxError");
            for (ServiceSpec service : stack.services()) {
                assertThat(Files.readString(state.resolve("logs").resolve(service.instance() + ".log")))
                        .as(service.instance() + " found every topic it reads: the stack created them before it started")
                        .doesNotContain("UNKNOWN_TOPIC_OR_PARTITION", "could not ask the broker");
            }

            assertThatThrownBy(() -> LocalStack.start(options, new PrintStream(new ByteArrayOutputStream())))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("already running from " + state);

            Launch second = launchCommandLine("--state", otherState.toString(), "--ports=" + ports.scheduling());
            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.output()).contains("is already in use — is the local stack already running?")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }

        for (int port : ports.byPort().keySet()) {
            assertThat(eventuallyFree(port)).as("port " + port + " free after stop").isTrue();
        }
    }

    /** The process's threads named as Vert.x names its event loops ({@code /proc} truncates names to 15 characters). */
    private static long eventLoopThreads(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.filter(task -> {
                try {
                    return Files.readString(task.resolve("comm")).startsWith("vert.x-eventloo");
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }

    /** {@code GET /traces} of the collector, once a trace whose first span is {@code firstSpanName} is listed. */
    private String awaitTraceListing(String tracesUrl, String firstSpanName) throws IOException, InterruptedException {
        String listing = "";
        for (int i = 0; i < 50 && !listing.contains("\"firstSpanName\":\"" + firstSpanName + "\""); i++) {
            Thread.sleep(200);
            HttpResponse<String> r = get(tracesUrl, null);
            assertThat(r.statusCode()).isEqualTo(200);
            listing = r.body();
        }
        assertThat(listing).contains("\"firstSpanName\":\"" + firstSpanName + "\"");
        return listing;
    }

    private String token(String issuerUrl) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuerUrl + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=alice%40example.com&name=Alice&tz=Europe%2FBerlin"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        assertThat(m.find()).as("access_token in " + response.body()).isTrue();
        return m.group(1);
    }

    /** Same header and claims, one character of the signature changed. */
    private static String tamper(String token) {
        int i = token.lastIndexOf('.') + 5;
        char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
        return token.substring(0, i) + replacement + token.substring(i + 1);
    }

    private HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Launch(int exitCode, String output) {
    }

    /** Keeps what the launcher prints for assertions and shows it in the test output. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }

    /** The launcher's main in its own JVM, as deploy/local/run runs it. */
    private static Launch launchCommandLine(String... args) throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(ServiceProcess.javaExecutable(), "-cp", classpath,
                LocalStack.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("second launch did not end: " + output);
        }
        return new Launch(process.exitValue(), output);
    }

    private static boolean eventuallyFree(int port) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            if (!PortCheck.isTaken(port)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}

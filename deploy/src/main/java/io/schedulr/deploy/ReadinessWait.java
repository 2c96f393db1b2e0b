package io.schedulr.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Waits until each service answers {@code GET /q/health/ready} with 200 (status UP: the database and whatever else the service counts as ready). */
final class ReadinessWait {
    private static final Duration POLL = Duration.ofMillis(500);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Duration timeout;

    ReadinessWait(Duration timeout) {
        this.timeout = timeout;
    }

    /** Returns once all are ready; throws naming the first service that died or did not get ready in time. */
    void awaitAll(List<ServiceProcess> services) throws StackException {
        Instant deadline = Instant.now().plus(timeout);
        for (ServiceProcess service : services) {
            await(service, deadline);
        }
    }

    private void await(ServiceProcess service, Instant deadline) throws StackException {
        URI uri = URI.create(service.spec().url() + "/q/health/ready");
        String last = "no answer";
        while (true) {
            if (!service.isAlive()) {
                throw new StackException(service.spec().instance() + " exited with code " + service.exitValue()
                        + " before it was ready; see " + service.log() + tail(service.log()));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + response.body().replaceAll("\\s+", " ");
            } catch (IOException e) {
                last = "no answer (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + service.spec().instance());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackException(service.spec().instance() + " was not ready after " + timeout.toSeconds() + " s (last: "
                        + last + "); see " + service.log() + tail(service.log()));
            }
            sleep();
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            List<String> last = lines.subList(Math.max(0, lines.size() - 15), lines.size());
            return last.isEmpty() ? "" : "\n--- last lines of " + log.getFileName() + " ---\n" + String.join("\n", last);
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep() throws StackException {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for the services");
        }
    }
}

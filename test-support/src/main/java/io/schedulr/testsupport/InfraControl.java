package io.schedulr.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Takes the real Kafka broker or SMTP server down and brings it back, for failure tests. */
public final class InfraControl {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private InfraControl() {
    }

    public static void stopKafka() {
        call("/kafka/stop");
    }

    public static void startKafka() {
        call("/kafka/start");
    }

    public static void stopSmtp() {
        call("/smtp/stop");
    }

    public static void startSmtp() {
        call("/smtp/start");
    }

    private static void call(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(TestInfra.get().controlUrl() + path))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " failed: " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

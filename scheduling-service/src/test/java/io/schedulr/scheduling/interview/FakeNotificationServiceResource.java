package io.schedulr.scheduling.interview;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Points every test application of this module at the {@link FakeNotificationService}, with its key. */
public class FakeNotificationServiceResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        try {
            return Map.of("quarkus.rest-client.notification.url", FakeNotificationService.start(),
                    "schedulr.notification.service-key", FakeNotificationService.KEY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // one stand-in per JVM, like the infrastructure
    }
}

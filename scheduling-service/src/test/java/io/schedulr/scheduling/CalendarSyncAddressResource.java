package io.schedulr.scheduling;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.schedulr.testsupport.infra.InfraPorts;

import java.util.Map;

/**
 * Points the test applications' calendar-sync-service client at a free port of this JVM, where nothing listens unless a
 * test stands in for calendar-sync-service there: the configured localhost:8082 is where a developer's local stack runs
 * the real one.
 */
public class CalendarSyncAddressResource implements QuarkusTestResourceLifecycleManager {
    private static final int PORT = InfraPorts.free();

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.calendar-sync.url", "http://localhost:" + PORT);
    }

    @Override
    public void stop() {
        // one address per JVM, like the infrastructure
    }
}

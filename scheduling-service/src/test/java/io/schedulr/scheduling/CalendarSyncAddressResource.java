package io.schedulr.scheduling;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.schedulr.testsupport.TestInfra;
import io.schedulr.testsupport.infra.InfraPorts;

import java.util.Map;

/**
 * Points the test applications' calendar-sync-service client at a free port of this JVM, where nothing listens unless a
 * test stands in for calendar-sync-service there: the configured localhost:8082 is where a developer's local stack runs
 * the real one. Picked once the infrastructure listens, so none of its ports is picked again.
 */
public class CalendarSyncAddressResource implements QuarkusTestResourceLifecycleManager {
    private static int port;

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.calendar-sync.url", "http://localhost:" + port());
    }

    private static synchronized int port() {
        if (port == 0) {
            TestInfra.get();
            port = InfraPorts.free();
        }
        return port;
    }

    @Override
    public void stop() {
        // one address per JVM, like the infrastructure
    }
}

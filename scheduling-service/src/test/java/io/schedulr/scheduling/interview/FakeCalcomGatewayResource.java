package io.schedulr.scheduling.interview;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Points every test application of this module at the {@link FakeCalcomGateway}. */
public class FakeCalcomGatewayResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        try {
            return Map.of("quarkus.rest-client.calcom-gateway.url", FakeCalcomGateway.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // one fake per JVM, like the infrastructure
    }
}

package io.schedulr.scheduling.hardening;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.schedulr.testsupport.InfraTestResource;

import java.util.List;
import java.util.Map;

/**
 * scheduling-service as an operator secures it: every database connection over verified TLS as a role that may use
 * nothing else, and Kafka only through the broker's SASL/SCRAM listener (see {@link InfraTestResource}'s
 * {@code secure=true} for the settings, the same property names the environment variables in docs/operations.md set).
 * The relay's backstop timer is pushed out of the test's reach, so only LISTEN/NOTIFY can wake it in time.
 */
public class SecureConnectionsProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("scheduling.outbox.backstop-interval", "PT10M");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(InfraTestResource.class, Map.of("database", "scheduling", "secure", "true")));
    }

    /** Instead of the plain-text connections that every other test of this module gets. */
    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}

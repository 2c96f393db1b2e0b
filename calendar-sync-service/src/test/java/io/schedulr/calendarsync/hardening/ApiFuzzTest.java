package io.schedulr.calendarsync.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.kit.security.ServiceKeys;
import io.schedulr.testsupport.OpenApiFuzz;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the OpenAPI document fed malformed input by {@link OpenApiFuzz}, as a signed-in person (the internal
 * route with a service key, so it looks at its input): no 500, every refusal JSON with its code.
 */
@QuarkusTest
class ApiFuzzTest {
    @Test
    void noRouteAnswersMalformedInputWithA500OrAnUncodedRefusal() {
        OpenApiFuzz fuzz = OpenApiFuzz.ofRunningService().as(Tokens.newUser("Fuzz Person", "UTC"))
                .headers((path, body) -> path.startsWith("/internal/") ? Map.of(ServiceKeys.HEADER, "test-service-key-1") : Map.of());

        assertThat(fuzz.run()).as("answers to " + fuzz.requests() + " requests").isEmpty();
    }
}

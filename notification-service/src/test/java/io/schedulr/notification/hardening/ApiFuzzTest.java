package io.schedulr.notification.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.kit.security.ServiceKeys;
import io.schedulr.testsupport.OpenApiFuzz;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the OpenAPI document fed malformed input by {@link OpenApiFuzz}, as a signed-in person (the mail
 * provider's hook with its secret, so that it reads its body; the internal route with a service key, so that it reads
 * its parameters): no 500, every refusal JSON with its code.
 */
@QuarkusTest
class ApiFuzzTest {
    @Test
    void noRouteAnswersMalformedInputWithA500OrAnUncodedRefusal() {
        String room = UUID.randomUUID().toString();
        OpenApiFuzz fuzz = OpenApiFuzz.ofRunningService().as(Tokens.newUser("Fuzz Person", "UTC"))
                .pathValues((path, name) -> room)
                .headers((path, body) -> path.equals("/api/hooks/email-status") ? Map.of("X-Hook-Secret", "test-only-hook-secret")
                        : path.startsWith("/internal/") ? Map.of(ServiceKeys.HEADER, "test-service-key-1") : Map.of());

        assertThat(fuzz.run()).as("answers to " + fuzz.requests() + " requests").isEmpty();
    }
}

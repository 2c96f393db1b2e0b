package io.schedulr.notification.flow;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.schedulr.testsupport.OpenApiErrors.Seen;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.schedulr.notification.flow.InvitationFlowTest.hook;
import static org.hamcrest.Matchers.equalTo;

/** A deployment that has not configured the hook secret accepts nothing on the hook, whatever secret is sent. */
@QuarkusTest
@TestProfile(HookWithoutSecretTest.NoSecret.class)
public class HookWithoutSecretTest {
    private static final Seen OFF = new Seen("POST", "/api/hooks/email-status", 503, "hook_not_configured");

    /** The error answer this test sees, for the OpenAPI document's check (OpenApiDocumentTest). */
    public static List<Seen> errorAnswers() {
        return List.of(OFF);
    }

    public static class NoSecret implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notification.hooks.email-status-secret", "", "notification.consumer.enabled", "false");
        }
    }

    @Test
    void theHookIsOffWithoutAConfiguredSecret() {
        String body = "{\"messageId\":\"<x@schedulr.local>\",\"status\":\"bounced\"}";
        hook(null, body).then().statusCode(OFF.status()).body("code", equalTo(OFF.code()));
        hook("", body).then().statusCode(503);
        hook("test-only-hook-secret", body).then().statusCode(503);
    }
}

package io.schedulr.notification.flow;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.schedulr.notification.flow.InvitationFlowTest.hook;
import static org.hamcrest.Matchers.equalTo;

/** A deployment that has not configured the hook secret accepts nothing on the hook, whatever secret is sent. */
@QuarkusTest
@TestProfile(HookWithoutSecretTest.NoSecret.class)
class HookWithoutSecretTest {

    public static class NoSecret implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notification.hooks.email-status-secret", "", "notification.consumer.enabled", "false");
        }
    }

    @Test
    void theHookIsOffWithoutAConfiguredSecret() {
        String body = "{\"messageId\":\"<x@schedulr.local>\",\"status\":\"bounced\"}";
        hook(null, body).then().statusCode(503).body("code", equalTo("hook_not_configured"));
        hook("", body).then().statusCode(503);
        hook("test-only-hook-secret", body).then().statusCode(503);
    }
}

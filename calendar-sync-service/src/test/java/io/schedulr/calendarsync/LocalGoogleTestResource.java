package io.schedulr.calendarsync;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.schedulr.testsupport.TestInfra;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Points the service at the local Google of this test JVM and gives it fresh token keys (never a committed key). The
 * keys are also left in the system property {@value #KEYS_PROPERTY} so tests can open what the service sealed.
 */
@QuarkusTestResource(LocalGoogleTestResource.class)
public class LocalGoogleTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String KEYS_PROPERTY = "calendar-sync.test.token-keys";

    @Override
    public Map<String, String> start() {
        String keys = System.getProperty(KEYS_PROPERTY);
        if (keys == null) {
            keys = "test-current:" + randomKey() + ",test-previous:" + randomKey();
            System.setProperty(KEYS_PROPERTY, keys);
        }
        String google = TestInfra.get().issuerUrl();
        return Map.of(
                "schedulr.google.authorization-url", google + "/o/oauth2/v2/auth",
                "schedulr.google.token-url", google + "/token",
                "schedulr.google.revoke-url", google + "/revoke",
                "schedulr.google.calendar-root-url", google + "/",
                "schedulr.google.token-keys", keys);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void stop() {
    }
}

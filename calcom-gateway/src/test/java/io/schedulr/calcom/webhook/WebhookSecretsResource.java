package io.schedulr.calcom.webhook;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.schedulr.calcom.calcomapi.Profiles;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Two fresh random webhook secrets per test JVM, "old" and "new", both accepted (as during a rotation); nothing is
 * committed. Tests read them back from {@code calcom.webhook.secrets}.
 */
@QuarkusTestResource(WebhookSecretsResource.class)
public class WebhookSecretsResource implements QuarkusTestResourceLifecycleManager {
    private String profile;

    @Override
    public void setContext(Context context) {
        profile = context.testProfile();
    }

    /** Two secrets (a rotation in progress); none at all under {@link Profiles.NoKey}, a deployment given no Cal.com settings. */
    @Override
    public Map<String, String> start() {
        if (Profiles.NoKey.class.getName().equals(profile)) {
            return Map.of("calcom.webhook.secrets", "");
        }
        return Map.of("calcom.webhook.secrets", secret("old") + "," + secret("new"));
    }

    private static String secret(String label) {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return "whsec-" + label + "-" + HexFormat.of().formatHex(bytes);
    }

    @Override
    public void stop() {
    }
}

package io.schedulr.deploy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * How scheduling-service asks notification-service what became of an interview's mails: notification-service's address on
 * this stack and the service key it accepts (SCHEDULR_NOTIFICATION_SERVICE_KEY when set, else a new one for each run of
 * the stack: both services start with it). A key of its own, not calendar-sync-service's, so that neither service's
 * configuration opens the other's internal routes.
 */
record MailStatusSettings(String notificationUrl, String serviceKey) {

    static MailStatusSettings of(String notificationUrl) {
        String key = System.getenv("SCHEDULR_NOTIFICATION_SERVICE_KEY");
        if (key == null || key.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        return new MailStatusSettings(notificationUrl, key);
    }

    /** For notification-service: the keys its internal routes accept. */
    Map<String, String> notificationEnvironment() {
        return Map.of("SCHEDULR_SERVICE_KEYS", serviceKey);
    }

    /** For scheduling-service: where notification-service is, and the key to ask it with. */
    Map<String, String> schedulingEnvironment() {
        return Map.of("QUARKUS_REST_CLIENT_NOTIFICATION_URL", notificationUrl, "SCHEDULR_NOTIFICATION_SERVICE_KEY", serviceKey);
    }
}

package io.schedulr.deploy;

import io.schedulr.testsupport.calcom.CalcomSettings;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local Cal.com's API key and webhook secret: {@code CALCOM_API_KEY} and {@code CALCOM_WEBHOOK_SECRET} (the
 * first one of a comma-separated list signs) when set, else development values made at start and printed in the
 * table (a value from the environment never is: it may be a real one). Both go to the local Cal.com and calcom-gateway, and the gateway's webhook URL is subscribed, so a booking
 * made on the local Cal.com arrives at the gateway.
 */
record CalcomSettingsOfStack(String apiKey, String webhookSecrets, boolean keyMadeHere, boolean secretMadeHere, String calcomUrl,
                             String webhookUrl, long teamId) {

    static CalcomSettingsOfStack of(int calcomPort, String gatewayUrl) {
        String key = System.getenv("CALCOM_API_KEY");
        String secrets = System.getenv("CALCOM_WEBHOOK_SECRET");
        boolean keyMadeHere = key == null || key.isBlank();
        boolean secretMadeHere = secrets == null || secrets.isBlank();
        if (keyMadeHere) {
            key = CalcomSettings.developmentKey();
        }
        if (secretMadeHere) {
            byte[] bytes = new byte[16];
            new SecureRandom().nextBytes(bytes);
            secrets = "whsec_local_" + HexFormat.of().formatHex(bytes);
        }
        return new CalcomSettingsOfStack(key, secrets, keyMadeHere, secretMadeHere, "http://localhost:" + calcomPort,
                gatewayUrl + "/webhooks/calcom", 0);
    }

    /** The seeded team of the running local Cal.com (its id is known once it started). */
    CalcomSettingsOfStack withTeam(long id) {
        return new CalcomSettingsOfStack(apiKey, webhookSecrets, keyMadeHere, secretMadeHere, calcomUrl, webhookUrl, id);
    }

    /** Where scheduling-service reaches calcom-gateway's API (the interview flow books through it). */
    Map<String, String> schedulingEnvironment() {
        return Map.of("QUARKUS_REST_CLIENT_CALCOM_GATEWAY_URL", webhookUrl.substring(0, webhookUrl.length() - "/webhooks/calcom".length()));
    }

    CalcomSettings settings() {
        return CalcomSettings.defaults(apiKey).withWebhook(webhookUrl, webhookSecrets.split(",")[0].strip());
    }

    Map<String, String> gatewayEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CALCOM_API_KEY", apiKey);
        env.put("CALCOM_WEBHOOK_SECRET", webhookSecrets);
        env.put("QUARKUS_REST_CLIENT_CALCOM_URL", calcomUrl);
        env.put("CALCOM_TEAM_ID", String.valueOf(teamId));
        return env;
    }

    /** What the stack's table says of the key and secret: the ones made here, never one from the environment. */
    String described() {
        String key = keyMadeHere ? "API v2 key " + apiKey : "API v2 key from CALCOM_API_KEY (not printed)";
        String secret = secretMadeHere ? "webhook secret " + webhookSecrets : "webhook secret from CALCOM_WEBHOOK_SECRET (not printed)";
        return key + ", " + secret + (keyMadeHere || secretMadeHere ? " (made for development; CALCOM_API_KEY/CALCOM_WEBHOOK_SECRET override)" : "");
    }

    @Override
    public String toString() {
        return "CalcomSettingsOfStack[calcomUrl=" + calcomUrl + ", webhookUrl=" + webhookUrl + "]";
    }
}

package io.schedulr.kit.security;

import io.schedulr.kit.rest.ApiException;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;

/**
 * The keys other Schedulr services present in {@value #HEADER} to call a service's internal routes ({@code /internal/*}:
 * calendar-sync-service's free/busy, notification-service's invitation mails). Each service configures its own as
 * {@code schedulr.internal.service-keys} (SCHEDULR_SERVICE_KEYS: comma-separated; any listed key is accepted, so a key
 * is rotated by adding the new one, switching the caller, then removing the old one) and produces one of these from
 * them. A presented key is compared with
 * every configured key in constant time over its UTF-8 bytes ({@link MessageDigest#isEqual}, the time depending on the
 * presented key's length only). Without a configured key the internal routes are off (503). Neither the keys nor a
 * presented value is ever logged or answered.
 */
public final class ServiceKeys {
    public static final String HEADER = "X-Schedulr-Service-Key";
    private static final Logger LOG = Logger.getLogger(ServiceKeys.class);

    private final List<byte[]> keys;

    /** The configured keys; blank entries (and the blanks around a key) are ignored. */
    public ServiceKeys(Collection<String> configured) {
        this.keys = configured.stream().filter(k -> k != null && !k.isBlank())
                .map(k -> k.strip().getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** Whether any key is configured: without one, the internal routes are off. */
    public boolean configured() {
        return !keys.isEmpty();
    }

    /** Whether {@code presented} (the header's value, null when absent) is one of the keys: compared with every key, in constant time. */
    public boolean accepts(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        boolean accepted = false;
        for (byte[] key : keys) {
            accepted |= MessageDigest.isEqual(given, key);
        }
        return accepted;
    }

    /**
     * Lets an internal call through, else refuses it before anything else of the request is looked at:
     * {@code 503 service_key_not_configured} when no key is configured, {@code 401 unauthorized} when the header is
     * missing or not one of the keys.
     */
    public void check(String presented) {
        if (!configured()) {
            LOG.warn("internal call refused: no service key is configured (schedulr.internal.service-keys, SCHEDULR_SERVICE_KEYS)");
            throw new ApiException(503, "service_key_not_configured",
                    "No service key is configured on this server; its internal routes are off.");
        }
        if (!accepts(presented)) {
            LOG.infof("internal call refused: %s",
                    presented == null ? "no " + HEADER + " header" : HEADER + " is not one of the configured keys");
            throw new ApiException(401, "unauthorized", "A valid " + HEADER + " header is required.");
        }
    }

    @Override
    public String toString() {
        return "ServiceKeys[" + keys.size() + " configured]";
    }
}

package io.schedulr.testsupport.calcom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * {@code X-Cal-Signature-256} as Cal.com computes it: lowercase hex HMAC-SHA256 of the exact body bytes with the
 * subscription's secret, no prefix and no timestamp; the literal {@code no-secret-provided} when the subscription has
 * no secret.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Cal-Signature-256";
    public static final String NO_SECRET = "no-secret-provided";

    private WebhookSignature() {
    }

    public static String sign(String secret, byte[] body) {
        if (secret == null || secret.isEmpty()) {
            return NO_SECRET;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

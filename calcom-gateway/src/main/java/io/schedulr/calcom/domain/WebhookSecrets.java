package io.schedulr.calcom.domain;

import java.util.Arrays;
import java.util.List;

/**
 * The webhook secrets currently accepted: usually one, two while a secret is being rotated (the new one is added, the
 * subscriptions in Cal.com are switched, then the old one is removed). A delivery is authentic when its
 * {@code X-Cal-Signature-256} matches any of them; every secret is checked, each in constant time, so the time taken
 * does not tell which one matched. {@link #toString()} never shows a secret.
 */
public final class WebhookSecrets {
    private final List<WebhookSignature> signatures;

    private WebhookSecrets(List<WebhookSignature> signatures) {
        this.signatures = List.copyOf(signatures);
    }

    /** From configuration: one secret or a comma-separated list; blanks are ignored, none means not configured. */
    public static WebhookSecrets parse(String commaSeparated) {
        if (commaSeparated == null) {
            return new WebhookSecrets(List.of());
        }
        return new WebhookSecrets(Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(WebhookSignature::new).toList());
    }

    /** Without a secret nothing can be verified, so nothing is accepted. */
    public boolean configured() {
        return !signatures.isEmpty();
    }

    public boolean verifies(byte[] body, String signatureHeader) {
        boolean matched = false;
        for (WebhookSignature signature : signatures) {
            matched |= signature.matches(body, signatureHeader);
        }
        return matched;
    }

    public int count() {
        return signatures.size();
    }

    @Override
    public String toString() {
        return "WebhookSecrets[" + signatures.size() + " (hidden)]";
    }
}

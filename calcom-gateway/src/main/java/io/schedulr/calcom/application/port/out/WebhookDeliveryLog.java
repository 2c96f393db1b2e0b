package io.schedulr.calcom.application.port.out;

import io.schedulr.calcom.application.port.in.WebhookReceipt;

/** Which changes were taken, and every authentic delivery byte for byte with its outcome (audit). */
public interface WebhookDeliveryLog {
    /** Records {@code dedupKey} as taken; false when it already was (concurrent callers: exactly one gets true). */
    boolean markProcessed(String dedupKey, String trigger);

    /** Whether {@code dedupKey} was recorded as taken. */
    boolean processed(String dedupKey);

    void audit(String dedupKey, String trigger, byte[] body, WebhookReceipt outcome);
}

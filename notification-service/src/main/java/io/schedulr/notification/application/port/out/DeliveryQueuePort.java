package io.schedulr.notification.application.port.out;

import io.schedulr.notification.domain.Invitation;
import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The durable queue of mails to send, one row per (event, recipient). */
public interface DeliveryQueuePort {

    /**
     * Leases up to {@code max} due deliveries, oldest first, never one that has an earlier unsent delivery of the same
     * room to the same person (per-room order). A lease that runs out makes the delivery due again.
     */
    Uni<List<QueuedDelivery>> claimDue(int max, Duration lease);

    /**
     * Called just before sending: extends this claim's lease by {@code lease} from now, so the lease has to outlast one
     * send, not the whole batch. False when the claim no longer holds (its lease ran out and another sender claimed the
     * delivery, or it was settled meanwhile): then it must not be sent.
     */
    Uni<Boolean> holdForSending(QueuedDelivery delivery, Duration lease);

    /**
     * Records a successful send and its audit row, once: a mail that went out is recorded even if the claim was lost
     * meanwhile (so no other sender sends it again), and a delivery already recorded as sent is left alone.
     */
    Uni<Void> markSent(QueuedDelivery delivery, Instant at);

    /**
     * Records a failed attempt and its audit row, and parks the delivery until {@code nextAttemptAt} — only while this claim
     * still holds; otherwise it does nothing (another sender has the delivery now).
     */
    Uni<Void> markFailed(QueuedDelivery delivery, String error, Instant at, Instant nextAttemptAt);

    /**
     * Gives the lease back without counting an attempt: the delivery is due again at once, as before it was claimed. Only
     * while this claim still holds.
     */
    Uni<Void> release(QueuedDelivery delivery);

    /**
     * @param attempts     failed attempts so far
     * @param messageKey   stable per delivery: the local part of its Message-ID
     * @param traceContext the trace of the change that queued it (W3C traceparent), opaque here: the sender continues
     *                     that trace; {@code null} when there was none
     * @param claim        this claim's token, telling it from a later claim of the same delivery after the lease ran out
     */
    record QueuedDelivery(long id, String messageKey, int attempts, Invitation invitation, String traceContext, String claim) {
    }
}

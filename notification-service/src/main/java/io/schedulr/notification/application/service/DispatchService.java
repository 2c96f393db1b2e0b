package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.DispatchDeliveriesUseCase;
import io.schedulr.notification.application.port.out.DeliveryQueuePort;
import io.schedulr.notification.application.port.out.DeliveryQueuePort.QueuedDelivery;
import io.schedulr.notification.application.port.out.SendInvitePort;
import io.schedulr.notification.domain.RedeliveryPolicy;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a claimed batch of due deliveries, up to {@code concurrency} at once. A send that still fails after the sender's
 * own retries parks that delivery with exponential backoff and the round goes on with the others, so one failing room
 * holds up nobody else.
 */
public class DispatchService implements DispatchDeliveriesUseCase {
    private final DeliveryQueuePort queue;
    private final SendInvitePort sender;
    private final RedeliveryPolicy redelivery;
    private final Clock clock;
    private final int batchSize;
    private final Duration lease;
    private final int concurrency;

    /**
     * @param concurrency mails sent at once. A claimed batch never holds two deliveries for the same room and recipient
     *                    (the queue only hands out the oldest pending one), so each person's mails still arrive in order.
     */
    public DispatchService(DeliveryQueuePort queue, SendInvitePort sender, RedeliveryPolicy redelivery, Clock clock, int batchSize,
                           Duration lease, int concurrency) {
        this.queue = queue;
        this.sender = sender;
        this.redelivery = redelivery;
        this.clock = clock;
        this.batchSize = batchSize;
        this.lease = lease;
        this.concurrency = Math.max(1, concurrency);
    }

    @Override
    public Uni<Report> dispatchDue() {
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        return queue.claimDue(batchSize, lease).flatMap(batch -> Multi.createFrom().iterable(batch)
                .onItem().transformToUni(delivery -> deliver(delivery, sent, failed)).merge(concurrency)
                .collect().last()
                .map(ignored -> new Report(batch.size(), sent.get(), failed.get())));
    }

    private Uni<Void> deliver(QueuedDelivery delivery, AtomicInteger sent, AtomicInteger failed) {
        return sender.send(delivery.invitation(), delivery.messageKey())
                .onItemOrFailure().transformToUni((ok, error) -> {
                    Instant now = clock.instant();
                    if (error == null) {
                        sent.incrementAndGet();
                        return queue.markSent(delivery, now);
                    }
                    failed.incrementAndGet();
                    Instant next = now.plus(redelivery.delayAfter(delivery.attempts() + 1));
                    return queue.markFailed(delivery, describe(error), now, next);
                });
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        Throwable t = error;
        while (t != null && text.length() < 900) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return text.length() > 1000 ? text.substring(0, 1000) : text.toString();
    }
}

package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.DispatchDeliveriesUseCase;
import io.schedulr.notification.application.port.out.DeliveryQueuePort;
import io.schedulr.notification.application.port.out.DeliveryQueuePort.QueuedDelivery;
import io.schedulr.notification.application.port.out.MailServerProbePort;
import io.schedulr.notification.application.port.out.MailServerUnavailableException;
import io.schedulr.notification.application.port.out.SendInvitePort;
import io.schedulr.notification.domain.RedeliveryPolicy;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a claimed batch of due deliveries, up to {@code concurrency} at once. A mail the server refuses parks that
 * delivery with exponential backoff and the round goes on with the others, so one failing room holds up nobody else.
 * A mail server that cannot be reached is nobody's delivery failing: the round stops sending, gives the rest back
 * untouched (no attempt counted, no backoff) and later rounds only probe the server until it answers, then send
 * everything at full speed.
 */
public class DispatchService implements DispatchDeliveriesUseCase {
    private final DeliveryQueuePort queue;
    private final SendInvitePort sender;
    private final MailServerProbePort mailServer;
    private final RedeliveryPolicy redelivery;
    private final Clock clock;
    private final int batchSize;
    private final Duration lease;
    private final int concurrency;
    private final AtomicBoolean mailServerDown = new AtomicBoolean();

    /**
     * @param concurrency mails sent at once. A claimed batch never holds two deliveries for the same room and recipient
     *                    (the queue only hands out the oldest pending one), so each person's mails still arrive in order.
     */
    public DispatchService(DeliveryQueuePort queue, SendInvitePort sender, MailServerProbePort mailServer, RedeliveryPolicy redelivery,
                           Clock clock, int batchSize, Duration lease, int concurrency) {
        this.queue = queue;
        this.sender = sender;
        this.mailServer = mailServer;
        this.redelivery = redelivery;
        this.clock = clock;
        this.batchSize = batchSize;
        this.lease = lease;
        this.concurrency = Math.max(1, concurrency);
    }

    @Override
    public Uni<Report> dispatchDue() {
        if (!mailServerDown.get()) {
            return round();
        }
        return mailServer.answers().onFailure().recoverWithItem(false).flatMap(up -> {
            if (!up) {
                return Uni.createFrom().item(Report.waitingForMailServer());
            }
            mailServerDown.set(false);
            return round();
        });
    }

    private Uni<Report> round() {
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger held = new AtomicInteger();
        return queue.claimDue(batchSize, lease).flatMap(batch -> Multi.createFrom().iterable(batch)
                .onItem().transformToUni(delivery -> Uni.createFrom().deferred(() -> deliver(delivery, sent, failed, held)))
                .merge(concurrency)
                .collect().last()
                .map(ignored -> new Report(batch.size(), sent.get(), failed.get(), held.get(), mailServerDown.get())));
    }

    private Uni<Void> deliver(QueuedDelivery delivery, AtomicInteger sent, AtomicInteger failed, AtomicInteger held) {
        if (mailServerDown.get()) {
            held.incrementAndGet();
            return queue.release(delivery);
        }
        // The lease runs from here, per mail: a batch sent slowly never outlives it, and a delivery another replica took
        // meanwhile (our lease ran out) is left to it instead of being sent twice.
        return queue.holdForSending(delivery, lease).flatMap(ours -> ours ? send(delivery, sent, failed, held)
                : Uni.createFrom().voidItem());
    }

    private Uni<Void> send(QueuedDelivery delivery, AtomicInteger sent, AtomicInteger failed, AtomicInteger held) {
        return sender.send(delivery.invitation(), delivery.messageKey(), delivery.traceContext())
                .onItemOrFailure().transformToUni((ok, error) -> {
                    Instant now = clock.instant();
                    if (error == null) {
                        sent.incrementAndGet();
                        return queue.markSent(delivery, now);
                    }
                    if (error instanceof MailServerUnavailableException) {
                        mailServerDown.set(true);
                        held.incrementAndGet();
                        return queue.release(delivery);
                    }
                    failed.incrementAndGet();
                    Instant next = now.plus(redelivery.delayAfter(delivery.attempts() + 1));
                    return queue.markFailed(delivery, Failures.describe(error), now, next);
                });
    }
}

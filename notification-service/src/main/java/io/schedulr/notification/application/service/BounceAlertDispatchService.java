package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.SendBounceAlertsUseCase;
import io.schedulr.notification.application.port.out.BounceAlertQueuePort;
import io.schedulr.notification.application.port.out.BounceAlertQueuePort.Claimed;
import io.schedulr.notification.application.port.out.SendBounceAlertPort;
import io.schedulr.notification.domain.RedeliveryPolicy;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends planned bounce alerts, each once across replicas (claimed with a lease). One the mail server refuses is tried again
 * with back-off, up to {@code maxAttempts} sends, then given up; one alert's failure never holds up the others of its batch.
 */
public class BounceAlertDispatchService implements SendBounceAlertsUseCase {
    private enum Outcome { SENT, FAILED, GIVEN_UP, LOST, ERROR }

    private final BounceAlertQueuePort queue;
    private final SendBounceAlertPort sender;
    private final Clock clock;
    private final RedeliveryPolicy retry;
    private final int maxAttempts;
    private final int batchSize;
    private final Duration lease;

    public BounceAlertDispatchService(BounceAlertQueuePort queue, SendBounceAlertPort sender, Clock clock, RedeliveryPolicy retry,
                                      int maxAttempts, int batchSize, Duration lease) {
        if (maxAttempts < 1 || batchSize < 1) {
            throw new IllegalArgumentException("bounce alerts need maxAttempts >= 1 and batchSize >= 1");
        }
        this.queue = queue;
        this.sender = sender;
        this.clock = clock;
        this.retry = retry;
        this.maxAttempts = maxAttempts;
        this.batchSize = batchSize;
        this.lease = lease;
    }

    /** Rounds until a round claims less than a full batch. */
    @Override
    public Uni<Report> sendDue() {
        return round().flatMap(report -> report.claimed() < batchSize ? Uni.createFrom().item(report)
                : sendDue().map(report::plus));
    }

    private Uni<Report> round() {
        return queue.claimDue(clock.instant(), lease, batchSize).flatMap(claims -> claims.isEmpty()
                ? Uni.createFrom().item(new Report(0, 0, 0, 0, 0))
                : Multi.createFrom().iterable(claims)
                        .onItem().transformToUniAndConcatenate(this::settle)
                        .collect().asList()
                        .map(outcomes -> report(claims.size(), outcomes)));
    }

    private Uni<Outcome> settle(Claimed claim) {
        return Uni.createFrom().deferred(() -> sender.send(claim.alert()))
                .onItemOrFailure().transformToUni((sent, error) -> error == null
                        ? stored(queue.sent(claim, clock.instant()), Outcome.SENT)
                        : refused(claim, error))
                // an outcome that could not be stored leaves the alert claimed until its lease runs out, then it is taken again
                .onFailure().recoverWithItem(Outcome.ERROR);
    }

    private Uni<Outcome> refused(Claimed claim, Throwable error) {
        int attempts = claim.alert().attempts() + 1;
        Instant nextAttempt = attempts >= maxAttempts ? null : clock.instant().plus(retry.delayAfter(attempts));
        return stored(queue.failed(claim, Failures.describe(error), nextAttempt), nextAttempt == null ? Outcome.GIVEN_UP : Outcome.FAILED);
    }

    /** A claim lost meanwhile (another sender took the alert after the lease ran out) is that sender's to report. */
    private static Uni<Outcome> stored(Uni<Boolean> store, Outcome outcome) {
        return store.map(held -> held ? outcome : Outcome.LOST);
    }

    private static Report report(int claimed, List<Outcome> outcomes) {
        return new Report(claimed, count(outcomes, Outcome.SENT), count(outcomes, Outcome.FAILED), count(outcomes, Outcome.GIVEN_UP),
                count(outcomes, Outcome.ERROR));
    }

    private static int count(List<Outcome> outcomes, Outcome which) {
        return (int) outcomes.stream().filter(o -> o == which).count();
    }
}

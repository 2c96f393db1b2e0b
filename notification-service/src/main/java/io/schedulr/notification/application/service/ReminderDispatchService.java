package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.SendDueRemindersUseCase;
import io.schedulr.notification.application.port.out.ReminderQueuePort;
import io.schedulr.notification.application.port.out.SendReminderPort;
import io.schedulr.notification.domain.DueReminder;
import io.schedulr.notification.domain.RedeliveryPolicy;
import io.schedulr.notification.domain.ReminderDecision;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends due reminders, each exactly once across replicas: a reminder is claimed by one sender (skip-locked, with a lease),
 * then settled in a transaction that holds its session, so a cancellation or reschedule either commits before (and the
 * reminder is not sent) or waits until it is sent. A reminder that can no longer arrive before the session starts is
 * skipped, not sent late; one the mail server refuses is tried again with back-off until then.
 */
public class ReminderDispatchService implements SendDueRemindersUseCase {
    private final ReminderQueuePort queue;
    private final SendReminderPort sender;
    private final Clock clock;
    private final RedeliveryPolicy retry;
    private final int batchSize;
    private final Duration lease;

    public ReminderDispatchService(ReminderQueuePort queue, SendReminderPort sender, Clock clock, RedeliveryPolicy retry, int batchSize,
                                   Duration lease) {
        this.queue = queue;
        this.sender = sender;
        this.clock = clock;
        this.retry = retry;
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
        return queue.claimDue(clock.instant(), lease, batchSize).flatMap(claims -> {
            if (claims.isEmpty()) {
                return Uni.createFrom().item(new Report(0, 0, 0, 0, 0, 0));
            }
            return Multi.createFrom().iterable(claims)
                    // One reminder whose settling fails (its data, the database) stays claimed until its lease runs out and
                    // is tried again then; the others of the batch go on. A lost claim (null) is another sender's.
                    .onItem().transformToUniAndConcatenate(claim -> queue.settle(claim, this::decide)
                            .onFailure().recoverWithItem(error -> new ReminderDecision(null, Failures.describe(error), clock.instant(), null)))
                    .collect().asList()
                    .map(decisions -> report(claims.size(), decisions));
        });
    }

    /** Runs inside the settling transaction, with the session as it stands now. */
    Uni<ReminderDecision> decide(DueReminder reminder) {
        Instant now = clock.instant();
        if (reminder.cancelled()) {
            return Uni.createFrom().item(ReminderDecision.cancelled("the session was cancelled", now));
        }
        if (!reminder.stillPlanned()) {
            return Uni.createFrom().item(ReminderDecision.cancelled("the session moved or the person no longer takes part", now));
        }
        if (!reminder.stillWanted()) {
            return Uni.createFrom().item(ReminderDecision.cancelled("the person's reminder preferences changed: no email reminder "
                    + reminder.slot().offsetMinutes() + " min before any more", now));
        }
        if (!now.isBefore(reminder.session().start())) {
            return Uni.createFrom().item(ReminderDecision.skippedLate("the session started at " + reminder.session().start()
                    + "; a reminder due at " + reminder.slot().dueAt() + " (" + reminder.slot().offsetMinutes()
                    + " min before) could no longer arrive before it" + (reminder.attempts() > 0
                    ? " (" + reminder.attempts() + " failed attempt(s) before)" : ""), now));
        }
        return sender.send(reminder, now)
                .map(ok -> ReminderDecision.sent(clock.instant()))
                .onFailure().recoverWithItem(error -> {
                    Instant failedAt = clock.instant();
                    return ReminderDecision.failed(Failures.describe(error), failedAt, failedAt.plus(retry.delayAfter(reminder.attempts() + 1)));
                });
    }

    private static Report report(int claimed, List<ReminderDecision> decisions) {
        int sent = 0;
        int late = 0;
        int cancelled = 0;
        int failed = 0;
        int errors = 0;
        for (ReminderDecision d : decisions) {
            if (d.outcome() == null) {
                errors++;
                continue;
            }
            switch (d.outcome()) {
                case SENT -> sent++;
                case SKIPPED_LATE -> late++;
                case CANCELLED -> cancelled++;
                case FAILED -> failed++;
            }
        }
        return new Report(claimed, sent, late, cancelled, failed, errors);
    }
}

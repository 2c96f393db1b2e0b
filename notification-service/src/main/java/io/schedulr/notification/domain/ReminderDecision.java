package io.schedulr.notification.domain;

import java.time.Instant;

/**
 * What became of a claimed reminder.
 *
 * @param detail        the reason (skipped, cancelled) or the error (failed); null when sent
 * @param nextAttemptAt for FAILED: when to try again
 */
public record ReminderDecision(ReminderOutcome outcome, String detail, Instant at, Instant nextAttemptAt) {

    public static ReminderDecision sent(Instant at) {
        return new ReminderDecision(ReminderOutcome.SENT, null, at, null);
    }

    public static ReminderDecision skippedLate(String reason, Instant at) {
        return new ReminderDecision(ReminderOutcome.SKIPPED_LATE, reason, at, null);
    }

    public static ReminderDecision cancelled(String reason, Instant at) {
        return new ReminderDecision(ReminderOutcome.CANCELLED, reason, at, null);
    }

    public static ReminderDecision failed(String error, Instant at, Instant nextAttemptAt) {
        return new ReminderDecision(ReminderOutcome.FAILED, error, at, nextAttemptAt);
    }
}

package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.Transactions;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One due job claimed and run per transaction. A job's own handling absorbs what Google does; when its transaction fails
 * as a whole (its database work was refused), the job is put back with a back-off in a transaction of its own, so the
 * jobs after it go on. Without that, the rolled-back job stayed the earliest due and was claimed again first every round,
 * ahead of everyone else's.
 */
final class DueJobs {
    private DueJobs() {
    }

    /** A failure as an operator reads it in a job's last error: its message and its causes' (the database's words). */
    private static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !reason.toString().contains(cause.getMessage())) {
                reason.append(": ").append(cause.getMessage());
            }
        }
        return reason.length() > 1000 ? reason.substring(0, 1000) : reason.toString();
    }

    /** Where a job is put back: its attempts so far, when it is due again, and why. */
    @FunctionalInterface
    interface PutBack {
        void retryAt(int attempts, Instant due, String reason);
    }

    /**
     * A job that failed is tried again later: one attempt more, due after its back-off ({@link Backoff}), its last error the
     * failure's words; logged as {@code what} failed.
     */
    static void retryLater(System.Logger log, String what, int attemptsSoFar, Instant now, Duration firstBackoff, Duration maxBackoff,
                           RuntimeException failure, PutBack putBack) {
        int attempts = attemptsSoFar + 1;
        Instant due = now.plus(Backoff.of(firstBackoff, maxBackoff, attempts));
        String reason = reason(failure);
        putBack.retryAt(attempts, due, reason);
        log.log(Level.WARNING, what + " failed (attempt " + attempts + "), trying again at " + due + ": " + reason);
    }

    /** True when a job was due (run or put back); the claim's own failure (the database unreachable) is thrown. */
    static <J> boolean runNext(Transactions transactions, Supplier<Optional<J>> claim, Consumer<J> run,
                               BiConsumer<J, RuntimeException> putBack) {
        AtomicReference<J> claimed = new AtomicReference<>();
        try {
            return transactions.inTransaction(() -> {
                Optional<J> next = claim.get();
                next.ifPresent(job -> {
                    claimed.set(job);
                    run.accept(job);
                });
                return next.isPresent();
            });
        } catch (RuntimeException e) {
            J job = claimed.get();
            if (job == null) {
                throw e;
            }
            transactions.inTransaction(() -> {
                putBack.accept(job, e);
                return null;
            });
            return true;
        }
    }
}

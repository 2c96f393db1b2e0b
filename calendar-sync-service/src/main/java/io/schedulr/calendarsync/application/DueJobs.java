package io.schedulr.calendarsync.application;

import io.schedulr.calendarsync.application.port.out.Transactions;

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
    static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !reason.toString().contains(cause.getMessage())) {
                reason.append(": ").append(cause.getMessage());
            }
        }
        return reason.length() > 1000 ? reason.substring(0, 1000) : reason.toString();
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

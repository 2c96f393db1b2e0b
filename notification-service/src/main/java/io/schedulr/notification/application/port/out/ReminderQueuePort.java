package io.schedulr.notification.application.port.out;

import io.schedulr.notification.domain.DueReminder;
import io.schedulr.notification.domain.ReminderDecision;
import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Due reminders, claimed by one sender at a time across replicas ({@code FOR UPDATE SKIP LOCKED} and a lease), and settled
 * once each.
 */
public interface ReminderQueuePort {

    /** A reminder this sender holds until {@code leaseUntil}; the token tells its claim from a later one after the lease ran out. */
    record Claim(long id, String token) {
    }

    /**
     * Claims up to {@code batch} reminders due at {@code now} (pending and due, or claimed before by a sender whose lease ran
     * out), earliest first.
     */
    Uni<List<Claim>> claimDue(Instant now, Duration lease, int batch);

    /**
     * In one transaction that holds the session (so no cancellation or re-plan of it commits meanwhile): loads the reminder
     * if this claim still holds it, lets {@code decide} decide (and send), then stores the decision with its audit row.
     *
     * @return the decision stored, or null when the claim was lost (another sender took the reminder after the lease ran out)
     */
    Uni<ReminderDecision> settle(Claim claim, Function<DueReminder, Uni<ReminderDecision>> decide);
}

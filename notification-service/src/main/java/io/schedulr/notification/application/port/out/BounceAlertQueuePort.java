package io.schedulr.notification.application.port.out;

import io.schedulr.notification.domain.BounceAlert;
import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Planned bounce alerts, claimed by one sender at a time across replicas ({@code FOR UPDATE SKIP LOCKED} and a lease).
 * Settling a claim is conditional on still holding it: after the lease ran out another sender may hold it.
 */
public interface BounceAlertQueuePort {

    /** An alert this sender holds until the lease runs out; the token tells its claim from a later one. */
    record Claimed(BounceAlert alert, String token) {
    }

    /**
     * Claims up to {@code batch} alerts due at {@code now} (pending and due, or claimed by a sender whose lease ran out),
     * oldest first. An alert whose row cannot be read is given up on the spot, with its reason, and not returned.
     */
    Uni<List<Claimed>> claimDue(Instant now, Duration lease, int batch);

    /** @return false when the claim was lost meanwhile */
    Uni<Boolean> sent(Claimed claim, Instant at);

    /** A refused send: tried again at {@code nextAttemptAt}, or given up when that is null. @return false when the claim was lost */
    Uni<Boolean> failed(Claimed claim, String error, Instant nextAttemptAt);
}

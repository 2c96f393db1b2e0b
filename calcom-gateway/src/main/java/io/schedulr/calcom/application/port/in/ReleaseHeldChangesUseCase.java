package io.schedulr.calcom.application.port.in;

import java.util.List;

/**
 * Held changes whose predecessor never came (Cal.com gave up, or it happened before the subscription existed) are
 * announced once the reorder window has passed, in meeting order.
 */
public interface ReleaseHeldChangesUseCase {
    /** Meetings with a change held longer than the reorder window. */
    List<String> meetingsWithOverdueChanges();

    /** Announces what is overdue for one meeting (in the caller's transaction); returns how many were announced. */
    int releaseOverdue(String icalUid);
}

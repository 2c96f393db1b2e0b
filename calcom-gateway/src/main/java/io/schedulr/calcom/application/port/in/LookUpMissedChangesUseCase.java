package io.schedulr.calcom.application.port.in;

import io.schedulr.calcom.application.port.out.CalcomApi.CreatedBooking;

import java.util.List;

/**
 * A round of look-ups at Cal.com for changes its webhooks never told: the meetings due, then, when due, Cal.com's list of
 * bookings, then the bookings whose creation was not announced. Each meeting and each booking fails alone.
 */
public interface LookUpMissedChangesUseCase {
    /** One round; answers how many changes were announced. */
    int lookUpDue();

    /**
     * One reading of Cal.com's list of bookings, when due, as a round does it: the bookings nobody here heard of that it
     * remembered for a look-up.
     */
    Reading readListOfBookings();

    /**
     * @param remembered the listed bookings remembered for a look-up
     * @param paused     whether the round should stop here (Cal.com's rate limit, no key, a refused key)
     */
    record Reading(List<CreatedBooking> remembered, boolean paused) {
        public Reading {
            remembered = List.copyOf(remembered);
        }
    }
}

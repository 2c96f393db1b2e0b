package io.schedulr.calcom.application.port.out;

import java.time.Instant;
import java.util.Optional;

/** How far Cal.com's list of bookings has been read by creation time, one mark for all replicas. */
public interface BookingListing {
    /**
     * Where the next reading of the list starts, when the last one began before {@code listedBefore}; stamped as read
     * {@code now}, so that another replica passes it by. Empty when it is not due.
     */
    Optional<Instant> claimListing(Instant now, Instant listedBefore);

    /** Keeps that the list has been read up to {@code until}. */
    void listedUntil(Instant until);
}

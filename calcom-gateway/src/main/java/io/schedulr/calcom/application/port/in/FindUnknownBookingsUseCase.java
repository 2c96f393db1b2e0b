package io.schedulr.calcom.application.port.in;

import io.schedulr.calcom.application.port.out.CalcomApi.CreatedBooking;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Cal.com's list of bookings is read now and then by creation time, so that a booking made on Cal.com directly whose
 * {@code BOOKING_CREATED} never came is remembered and looked up ({@link FindMissedChangesUseCase#claimMadeDue}) like a
 * booking made here: its creation is announced, then what followed it.
 */
public interface FindUnknownBookingsUseCase {
    /** Where the next reading starts, when one is due; stamped, so that another replica passes it by (caller's transaction). */
    Optional<Instant> claimListing();

    /** The bookings Cal.com lists as created since {@code from}, a few pages at most; asks Cal.com, so outside any transaction. */
    Uni<Listed> list(Instant from);

    /**
     * Remembers a listed booking if nobody here heard of it and it still matters (a meeting ahead, or moved); answers
     * whether it did (caller's transaction: one per booking, so that one that cannot be kept fails alone).
     */
    boolean rememberIfUnknown(CreatedBooking booking);

    /** Keeps how far the list was read: the next reading starts there (caller's transaction). */
    void listed(Listed listed);

    /**
     * A listed booking could not be kept (the database refused for a moment): keeps the list read up to just before it, so
     * that the next reading takes it again, and answers true; the bookings after it wait for that reading too. Answers
     * false, keeping nothing, when that would not move the list on (the booking was first in this reading, so it has had
     * its second chance): then it is left out and the reading goes on, so that one booking never stops the list for good
     * (caller's transaction).
     */
    boolean readAgainFrom(Listed listed, CreatedBooking notKept);

    /**
     * @param from     where the reading started
     * @param bookings what Cal.com listed, oldest first
     * @param until    how far the list was read: the next reading starts there
     */
    record Listed(Instant from, List<CreatedBooking> bookings, Instant until) {
        public Listed {
            bookings = List.copyOf(bookings);
        }
    }
}

package io.schedulr.calcom.application.service;

import io.schedulr.calcom.application.port.in.FindUnknownBookingsUseCase;
import io.schedulr.calcom.application.port.out.BookingListing;
import io.schedulr.calcom.application.port.out.CalcomApi;
import io.schedulr.calcom.application.port.out.CalcomApi.CreatedBooking;
import io.schedulr.calcom.application.port.out.MadeBookings;
import io.schedulr.calcom.domain.booking.Booking;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads Cal.com's list of bookings every {@code listEvery}, from where the last reading stopped up to {@code grace} ago
 * (younger bookings' webhooks still have their chance), at most {@value #PAGES} pages of {@value #PAGE} in one reading;
 * a longer stretch goes on at the next.
 */
public class UnknownBookingsService implements FindUnknownBookingsUseCase {
    static final int PAGE = 100;
    static final int PAGES = 3;

    private final BookingListing listing;
    private final MadeBookings made;
    private final CalcomApi calcom;
    private final Long teamId;
    private final Clock clock;
    private final Duration listEvery;
    private final Duration grace;
    private final Duration lookAgainAfter;

    /**
     * @param teamId         the team whose event types are offered; null: the key owner's bookings
     * @param grace          how long a booking's own webhook has before the list is asked about it
     * @param lookAgainAfter how long a moved booking whose first time is over stays remembered for its look-up
     */
    public UnknownBookingsService(BookingListing listing, MadeBookings made, CalcomApi calcom, Long teamId, Clock clock,
                                  Duration listEvery, Duration grace, Duration lookAgainAfter) {
        this.listing = Objects.requireNonNull(listing);
        this.made = Objects.requireNonNull(made);
        this.calcom = Objects.requireNonNull(calcom);
        this.teamId = teamId;
        this.clock = Objects.requireNonNull(clock);
        this.listEvery = Objects.requireNonNull(listEvery);
        this.grace = Objects.requireNonNull(grace);
        this.lookAgainAfter = Objects.requireNonNull(lookAgainAfter);
    }

    @Override
    public Optional<Instant> claimListing() {
        Instant now = clock.instant();
        return listing.claimListing(now, now.minus(listEvery));
    }

    @Override
    public Uni<Listed> list(Instant from) {
        // Cal.com keeps creation times to the millisecond: a finer bound could pass a booking by between two readings
        Instant to = clock.instant().minus(grace).truncatedTo(ChronoUnit.MILLIS);
        if (!to.isAfter(from)) {
            return Uni.createFrom().item(new Listed(from, List.of(), from));
        }
        return pages(from, to, 0, new ArrayList<>());
    }

    private Uni<Listed> pages(Instant from, Instant to, int page, List<CreatedBooking> found) {
        return calcom.bookingsCreated(teamId, from, to, page * PAGE, PAGE).chain(answer -> {
            found.addAll(answer.bookings());
            if (!answer.more() || answer.bookings().isEmpty()) {
                return Uni.createFrom().item(new Listed(from, found, to));
            }
            if (page + 1 < PAGES) {
                return pages(from, to, page + 1, found);
            }
            return Uni.createFrom().item(new Listed(from, found, readUpTo(found.get(found.size() - 1).createdAt(), from)));
        });
    }

    /**
     * Where a reading cut short stops: just before the last booking's creation, so that bookings made in the same instant
     * are listed again rather than passed by (one known already is not remembered twice). Only when every booking read was
     * made in that one millisecond does it stop at it, so that the list always moves on.
     */
    private static Instant readUpTo(Instant last, Instant from) {
        Instant justBefore = last.minusMillis(1);
        return justBefore.isAfter(from) ? justBefore : last;
    }

    @Override
    public boolean rememberIfUnknown(CreatedBooking created) {
        Instant now = clock.instant();
        Booking b = created.booking();
        if (!matters(b, now)) {
            return false;
        }
        Instant end = b.end().isAfter(now) ? b.end() : now.plus(lookAgainAfter);
        return made.rememberUnknown(b.icsUid(), b.uid(), created.createdAt(), end);
    }

    @Override
    public void listed(Listed listed) {
        listing.listedUntil(listed.until());
    }

    @Override
    public boolean readAgainFrom(Listed listed, CreatedBooking notKept) {
        Instant justBefore = notKept.createdAt().minusMillis(1);
        if (!justBefore.isAfter(listed.from())) {
            return false;
        }
        listing.listedUntil(justBefore);
        return true;
    }

    /**
     * A booking that starts a meeting (not one replacing another: its first booking is the one to follow), accepted or
     * waiting for its host's confirmation (looked up until they decide) and not over, or moved since (its replacement may
     * be ahead). One cancelled or declined told nobody anything.
     */
    private static boolean matters(Booking b, Instant now) {
        if (b.icsUid() == null || b.uid() == null || b.end() == null || b.rescheduledFromUid() != null) {
            return false;
        }
        boolean moved = b.rescheduledToUid() != null;
        return moved || ("accepted".equals(b.status()) || b.awaitsItsHost()) && b.end().isAfter(now);
    }
}

package io.schedulr.calcom.application.port.out;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Bookings made through this service, and bookings Cal.com lists that nobody here heard of, remembered until their
 * meeting is announced, for look-ups at Cal.com.
 */
public interface MadeBookings {
    /**
     * Remembers a booking just made. Never fails: the booking stands on Cal.com whatever happens here, so a failure to
     * remember it is logged and only leaves that booking to its webhooks.
     */
    Uni<Void> made(String icalUid, String uid, Instant end);

    /**
     * Up to {@code limit} bookings made through this service whose meeting was never announced, made before
     * {@code madeBefore} (their webhook had its chance) and not over at {@code now}, last looked up before
     * {@code lookedUpBefore} or never; each stamped as looked up now. Those whose meeting was announced meanwhile, and those
     * over, are forgotten.
     */
    List<MadeBooking> claimMadeForLookUp(Instant now, Instant madeBefore, Instant lookedUpBefore, int limit);

    /**
     * Remembers a booking Cal.com lists that was made there directly ({@code madeAt}), unless its meeting is known here:
     * announced, or remembered already. Answers whether it was remembered.
     */
    boolean rememberUnknown(String icalUid, String uid, Instant madeAt, Instant end);

    /** As {@link MeetingLedger#giveBack}: the claims of bookings made here that a stopped round did not ask about. */
    void giveBackMade(Collection<String> icalUids);

    /** Forgets a booking made here once its meeting is announced. */
    void forgetMade(String icalUid);

    /** A booking made through this service, not announced yet. */
    record MadeBooking(String icalUid, String uid, Instant end) {
    }
}

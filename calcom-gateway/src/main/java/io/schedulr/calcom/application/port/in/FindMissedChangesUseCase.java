package io.schedulr.calcom.application.port.in;

import io.schedulr.calcom.application.port.out.MadeBookings.MadeBooking;
import io.schedulr.calcom.domain.webhook.BookingChange;
import io.schedulr.calcom.domain.webhook.MeetingState;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;

/**
 * Meetings still ahead are looked up at Cal.com now and then, so that a change whose webhooks never arrived (Cal.com
 * tries a few times only) is announced all the same; the changes found go through {@link ReceiveBookingChangeUseCase}
 * like a delivery.
 */
public interface FindMissedChangesUseCase {
    /**
     * Whether Cal.com may be asked now: look-ups are background work, so they leave the last part of the key's rate-limit
     * window to the people using the app (a 429 blocks everyone's requests for a minute).
     */
    boolean mayAskCalcom();

    /** The meetings due a look-up, stamped as looked up (in the caller's transaction). */
    List<MeetingState> claimDue();

    /** Gives back the claims of meetings the round stopped before asking about: due again at once (caller's transaction). */
    void giveBack(List<MeetingState> notAsked);

    /** As {@link #giveBack} for bookings made here (caller's transaction). */
    void giveBackMade(List<MadeBooking> notAsked);

    /** What Cal.com shows of {@code meeting} that was not announced; asks Cal.com, so call it outside any transaction. */
    Uni<LookedUp> lookUp(MeetingState meeting);

    /**
     * Tells that a look-up announced {@code change}: a cancellation it found may have been the host asking for another
     * time, so its meeting stays looked up until it is over (in the caller's transaction).
     */
    void announced(BookingChange change);

    /** Keeps the meeting's end as Cal.com shows it, when it was not kept (in the caller's transaction). */
    void keepEnd(MeetingState meeting, Instant end);

    /**
     * Cal.com does not know a booking of the meeting (404). One whose end was never kept (announced before ends were) is
     * looked up no more, as it would be for good; one with an end is looked up again until then (caller's transaction).
     */
    void notFound(MeetingState meeting);

    /** Bookings made through this service whose creation was never announced, due a look-up, stamped (caller's transaction). */
    List<MadeBooking> claimMadeDue();

    /** The creation of a booking made here, and what followed it, as Cal.com shows them; call it outside any transaction. */
    Uni<LookedUp> lookUp(MadeBooking booking);

    /** Forgets a booking made here once its creation is announced (in the caller's transaction). */
    void forget(MadeBooking booking);

    /**
     * @param missed the changes to announce, in meeting order (none when Cal.com shows what was announced)
     * @param end    when the meeting ends as Cal.com shows it now
     * @param from   the Cal.com request whose answer showed them, for the audit
     * @param awaitingHost whether the booking waits for its host's confirmation (pending): nothing to announce yet, and it is
     *                     looked up again later
     */
    record LookedUp(List<BookingChange> missed, Instant end, String from, boolean awaitingHost) {
        public LookedUp {
            missed = List.copyOf(missed);
        }
    }
}

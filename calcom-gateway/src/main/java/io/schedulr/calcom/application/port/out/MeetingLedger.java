package io.schedulr.calcom.application.port.out;

import io.schedulr.calcom.domain.webhook.BookingChange;
import io.schedulr.calcom.domain.webhook.MeetingState;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Per meeting (iCalUID): what was announced, and changes held until their predecessor arrives. */
public interface MeetingLedger {
    /** Locks the meeting until the transaction ends (one delivery at a time per meeting) and reads its state. */
    Optional<MeetingState> lock(String icalUid);

    void save(MeetingState state);

    void hold(BookingChange change, Instant receivedAt);

    /** The meeting's held changes in meeting order; one that can no longer be read is set aside (kept, with why) and left out. */
    List<HeldChange> held(String icalUid);

    void release(BookingChange change);

    List<String> meetingsHoldingSince(Instant before);

    /**
     * Up to {@code limit} meetings not cancelled (or {@link #keepLooking kept looked up}) and not over at {@code now} (or
     * whose end is not kept), last looked up at Cal.com before {@code lookedUpBefore} or never, the longest waiting first;
     * each is stamped as looked up now, so that another replica passes it by.
     */
    List<MeetingState> claimForLookUp(Instant now, Instant lookedUpBefore, int limit);

    /**
     * Gives back the claims of meetings a round stopped before asking Cal.com about (its rate limit): they are due again
     * at once, ahead of the others, rather than after the interval as if they had been looked up.
     */
    void giveBack(Collection<String> icalUids);

    /** Keeps the meeting looked up although it is cancelled, until it is over or its next change is announced. */
    void keepLooking(String icalUid);

    /** Keeps the end Cal.com shows for a meeting announced before ends were kept. */
    void keepEnd(String icalUid, Instant end);

    record HeldChange(BookingChange change, Instant receivedAt) {
    }
}

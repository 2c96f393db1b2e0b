package io.schedulr.calcom.contract;

import io.schedulr.calcom.application.port.out.BookingListing;
import io.schedulr.calcom.application.port.out.MadeBookings;
import io.schedulr.calcom.application.port.out.MadeBookings.MadeBooking;
import io.schedulr.calcom.application.port.out.MeetingLedger;
import io.schedulr.calcom.domain.webhook.MeetingState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the look-up relies on from the meeting ledger and the bookings made here, run against the in-memory ports of the
 * unit tests and the PostgreSQL ones the service runs. The claims' "now" is far ahead, so that only this contract's
 * meetings (ending after it) are still ahead; other tests' rows of the same database are over by then.
 */
abstract class LookUpPortsContract {
    private static final Instant NOW = Instant.parse("2100-01-01T00:00:00Z");
    private static final Instant ENDS = NOW.plus(Duration.ofDays(400));
    private static final Duration AGAIN_AFTER = Duration.ofMinutes(15);

    protected abstract MeetingLedger meetings();

    protected abstract MadeBookings made();

    protected abstract BookingListing listing();

    private static String meeting() {
        return "contract-" + UUID.randomUUID() + "@Cal.com";
    }

    private List<String> claimed(Instant now) {
        return meetings().claimForLookUp(now, now.minus(AGAIN_AFTER), 100).stream().map(MeetingState::icalUid).toList();
    }

    @Test
    void aMeetingAheadIsClaimedOnceAndAgainOnlyAfterTheInterval() {
        String ahead = meeting();
        String over = meeting();
        meetings().save(new MeetingState(ahead, 0, false, "u1", ENDS));
        meetings().save(new MeetingState(over, 0, false, "u2", NOW.minusSeconds(1)));

        assertThat(claimed(NOW)).contains(ahead).doesNotContain(over);
        assertThat(claimed(NOW.plus(Duration.ofMinutes(14)))).doesNotContain(ahead);
        assertThat(claimed(NOW.plus(Duration.ofMinutes(16)))).contains(ahead);
    }

    @Test
    void aClaimGivenBackIsDueAgainAtOnceAndOthersStayClaimed() {
        String givenBack = meeting();
        String kept = meeting();
        meetings().save(new MeetingState(givenBack, 0, false, "u1", ENDS));
        meetings().save(new MeetingState(kept, 0, false, "u2", ENDS));
        assertThat(claimed(NOW)).contains(givenBack, kept);

        meetings().giveBack(List.of(givenBack));

        assertThat(claimed(NOW.plus(Duration.ofMinutes(1)))).contains(givenBack).doesNotContain(kept);
    }

    @Test
    void aClaimOfABookingMadeHereGivenBackIsDueAgainAtOnce() {
        String waiting = meeting();
        made().made(waiting, "u1", ENDS).await().indefinitely();
        Instant after = Instant.now().plus(Duration.ofHours(1));
        assertThat(claimedMade(after)).extracting(MadeBooking::icalUid).contains(waiting);
        assertThat(claimedMade(after)).extracting(MadeBooking::icalUid).doesNotContain(waiting);

        made().giveBackMade(List.of(waiting));

        assertThat(claimedMade(after)).extracting(MadeBooking::icalUid).contains(waiting);
    }

    @Test
    void aClaimTakesAtMostItsLimitTheLongestWaitingFirst() {
        String first = meeting();
        meetings().save(new MeetingState(first, 0, false, "u1", ENDS));
        claimed(NOW);
        String never = meeting();
        meetings().save(new MeetingState(never, 0, false, "u2", ENDS));

        List<MeetingState> one = meetings().claimForLookUp(NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1)).minus(AGAIN_AFTER), 1);

        assertThat(one).extracting(MeetingState::icalUid).containsExactly(never);
        assertThat(one.get(0)).isEqualTo(new MeetingState(never, 0, false, "u2", ENDS));

        String neverEither = meeting();
        meetings().save(new MeetingState(neverEither, 0, false, "u3", ENDS));
        List<String> all = meetings().claimForLookUp(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)).minus(AGAIN_AFTER), 100)
                .stream().map(MeetingState::icalUid).toList();
        assertThat(all).as("answered in the order they were chosen: never looked up, then the longest waiting").contains(first, never,
                neverEither);
        assertThat(all.indexOf(neverEither)).isLessThan(all.indexOf(first));
        assertThat(all.indexOf(first)).isLessThan(all.indexOf(never));
    }

    @Test
    void aCancelledMeetingIsClaimedOnlyWhileKeptLookedUpAndItsNextChangeEndsThat() {
        String ics = meeting();
        meetings().save(new MeetingState(ics, 0, true, "u1", ENDS));
        assertThat(claimed(NOW)).doesNotContain(ics);

        meetings().keepLooking(ics);
        assertThat(claimed(NOW.plus(Duration.ofHours(1)))).contains(ics);

        meetings().save(new MeetingState(ics, 0, true, "u1", ENDS));
        assertThat(claimed(NOW.plus(Duration.ofHours(2)))).doesNotContain(ics);
    }

    @Test
    void anEndIsKeptOnlyForAMeetingThatHadNone() {
        String ics = meeting();
        meetings().save(new MeetingState(ics, 0, false, "u1", null));
        assertThat(claimed(NOW)).contains(ics);

        meetings().keepEnd(ics, ENDS);
        meetings().keepEnd(ics, NOW.minusSeconds(1));

        assertThat(meetings().lock(ics)).get().extracting(MeetingState::end).isEqualTo(ENDS);
    }

    @Test
    void aBookingMadeHereIsClaimedAfterItsGraceAndForgottenOnceItsMeetingIsKnown() {
        String waiting = meeting();
        String known = meeting();
        made().made(waiting, "u1", ENDS).await().indefinitely();
        made().made(known, "u2", ENDS).await().indefinitely();
        Instant madeAt = Instant.now();

        assertThat(claimedMade(madeAt.minus(Duration.ofHours(1)))).as("still within its grace").isEmpty();
        meetings().save(new MeetingState(known, 0, false, "u2", ENDS));

        assertThat(claimedMade(madeAt.plus(Duration.ofHours(1)))).extracting(MadeBooking::icalUid).containsExactly(waiting);
        assertThat(claimedMade(madeAt.plus(Duration.ofHours(1)))).as("looked up a moment ago").isEmpty();

        made().forgetMade(waiting);
        assertThat(made().claimMadeForLookUp(NOW.plus(Duration.ofHours(1)), madeAt.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1)), 100))
                .extracting(MadeBooking::icalUid).doesNotContain(waiting, known);
    }

    @Test
    void aBookingMadeHereThatIsOverIsForgotten() {
        String over = meeting();
        made().made(over, "u1", NOW.minusSeconds(1)).await().indefinitely();

        assertThat(made().claimMadeForLookUp(NOW, Instant.now().plus(Duration.ofHours(1)), NOW, 100))
                .extracting(MadeBooking::icalUid).doesNotContain(over);
        assertThat(made().claimMadeForLookUp(NOW.minus(Duration.ofDays(365 * 70)), Instant.now().plus(Duration.ofHours(1)),
                NOW, 100)).extracting(MadeBooking::icalUid).as("forgotten, not only left out").doesNotContain(over);
    }

    @Test
    void aListedBookingIsRememberedOnlyWhileItsMeetingIsUnknownHereAndWaitsFromWhenCalcomMadeIt() {
        String unknown = meeting();
        String announced = meeting();
        String madeHere = meeting();
        meetings().save(new MeetingState(announced, 0, false, "u2", ENDS));
        made().made(madeHere, "u3", ENDS).await().indefinitely();
        Instant madeOnCalcom = Instant.now().minus(Duration.ofHours(2));

        assertThat(made().rememberUnknown(unknown, "u1", madeOnCalcom, ENDS)).isTrue();
        assertThat(made().rememberUnknown(unknown, "u1", madeOnCalcom, ENDS)).as("remembered already").isFalse();
        assertThat(made().rememberUnknown(announced, "u2", madeOnCalcom, ENDS)).as("announced").isFalse();
        assertThat(made().rememberUnknown(madeHere, "u3", madeOnCalcom, ENDS)).as("made here").isFalse();

        assertThat(claimedMade(madeOnCalcom.plusSeconds(1))).as("its grace counted from when Cal.com made it")
                .extracting(MadeBooking::icalUid).containsExactly(unknown);
    }

    @Test
    void theListingIsClaimedOnceUntilItsStampIsOldEnoughAndItsMarkOnlyMovesForward() {
        Instant now = Instant.now();
        Instant from = listing().claimListing(now, now).orElseThrow();
        assertThat(listing().claimListing(now, now)).as("stamped just now").isEmpty();

        listing().listedUntil(from.minus(Duration.ofHours(1)));
        Instant later = now.plusMillis(1);
        assertThat(listing().claimListing(later, later)).as("never moved back").contains(from);

        Instant next = from.plusMillis(1);
        listing().listedUntil(next);
        assertThat(listing().claimListing(later.plusMillis(1), later.plusMillis(1))).contains(next);
    }

    /** Bookings made here and claimable at {@code NOW}, made before {@code madeBefore}, of this contract's meetings. */
    private List<MadeBooking> claimedMade(Instant madeBefore) {
        return made().claimMadeForLookUp(NOW, madeBefore, NOW.minus(AGAIN_AFTER), 100).stream()
                .filter(b -> b.icalUid().startsWith("contract-")).toList();
    }
}

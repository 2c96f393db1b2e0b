package io.schedulr.calcom.application.service;

import io.schedulr.calcom.application.port.in.FindMissedChangesUseCase;
import io.schedulr.calcom.application.port.out.CalcomApi;
import io.schedulr.calcom.application.port.out.MeetingLedger;
import io.schedulr.calcom.application.port.out.MadeBookings;
import io.schedulr.calcom.application.port.out.MadeBookings.MadeBooking;
import io.schedulr.calcom.domain.booking.Booking;
import io.schedulr.calcom.domain.webhook.BookingChange;
import io.schedulr.calcom.domain.webhook.ChangeKind;
import io.schedulr.calcom.domain.webhook.MeetingState;
import io.schedulr.calcom.domain.webhook.MissedChanges;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Looks meetings up at Cal.com, a few at a time ({@code batch} per round, and as many bookings made here whose creation
 * was not announced within {@code madeGrace}) and each again after {@code lookAgainAfter}, so that the look-ups take a
 * small, steady share of the API key's 120 requests a minute.
 */
public class MissedChangesService implements FindMissedChangesUseCase {
    private final MeetingLedger meetings;
    private final MadeBookings made;
    private final CalcomApi calcom;
    private final Clock clock;
    private final Duration lookAgainAfter;
    private final Duration madeGrace;
    private final int batch;
    private final double leaveToPeople;

    /** @param leaveToPeople the share of Cal.com's rate-limit window look-ups never spend (e.g. 0.25: the last quarter) */
    public MissedChangesService(MeetingLedger meetings, MadeBookings made, CalcomApi calcom, Clock clock, Duration lookAgainAfter,
                                Duration madeGrace, int batch, double leaveToPeople) {
        this.meetings = Objects.requireNonNull(meetings);
        this.made = Objects.requireNonNull(made);
        this.calcom = Objects.requireNonNull(calcom);
        this.clock = Objects.requireNonNull(clock);
        this.lookAgainAfter = Objects.requireNonNull(lookAgainAfter);
        this.madeGrace = Objects.requireNonNull(madeGrace);
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1");
        }
        this.batch = batch;
        if (leaveToPeople < 0 || leaveToPeople >= 1) {
            throw new IllegalArgumentException("leaveToPeople must be at least 0 and below 1");
        }
        this.leaveToPeople = leaveToPeople;
    }

    @Override
    public boolean mayAskCalcom() {
        return calcom.shareOfRequestsLeft() > leaveToPeople || leaveToPeople == 0;
    }

    @Override
    public List<MeetingState> claimDue() {
        Instant now = clock.instant();
        return meetings.claimForLookUp(now, now.minus(lookAgainAfter), batch);
    }

    @Override
    public void giveBack(List<MeetingState> notAsked) {
        if (!notAsked.isEmpty()) {
            meetings.giveBack(notAsked.stream().map(MeetingState::icalUid).toList());
        }
    }

    @Override
    public void giveBackMade(List<MadeBooking> notAsked) {
        if (!notAsked.isEmpty()) {
            made.giveBackMade(notAsked.stream().map(MadeBooking::icalUid).toList());
        }
    }

    @Override
    public Uni<LookedUp> lookUp(MeetingState meeting) {
        return chain(new ArrayList<>(), meeting.uid()).map(chain -> lookedUp(MissedChanges.between(meeting, chain, clock.instant()), chain,
                false));
    }

    @Override
    public List<MadeBooking> claimMadeDue() {
        Instant now = clock.instant();
        return made.claimMadeForLookUp(now, now.minus(madeGrace), now.minus(lookAgainAfter), batch);
    }

    @Override
    public Uni<LookedUp> lookUp(MadeBooking booking) {
        return chain(new ArrayList<>(), booking.uid()).map(chain -> lookedUp(MissedChanges.sinceMade(booking.icalUid(), chain,
                clock.instant()), chain, chain.get(0).awaitsItsHost()));
    }

    @Override
    public void forget(MadeBooking booking) {
        made.forgetMade(booking.icalUid());
    }

    private static LookedUp lookedUp(List<BookingChange> missed, List<Booking> chain, boolean awaitingHost) {
        return new LookedUp(missed, chain.get(chain.size() - 1).end(),
                "GET /v2/bookings/" + String.join(", ", chain.stream().map(Booking::uid).toList()), awaitingHost);
    }

    /** The booking {@code uid}, then each booking that replaced it, up to {@link MissedChanges#MAX_HOPS} replacements. */
    private Uni<List<Booking>> chain(List<Booking> found, String uid) {
        return calcom.booking(uid).chain(booking -> {
            found.add(booking);
            return booking.rescheduledToUid() != null && found.size() <= MissedChanges.MAX_HOPS
                    ? chain(found, booking.rescheduledToUid()) : Uni.createFrom().item(found);
        });
    }

    @Override
    public void announced(BookingChange change) {
        if (change.kind() == ChangeKind.CANCELLED) {
            meetings.keepLooking(change.icalUid());
        }
    }

    @Override
    public void notFound(MeetingState meeting) {
        if (meeting.end() == null) {
            meetings.keepEnd(meeting.icalUid(), clock.instant());
        }
    }

    @Override
    public void keepEnd(MeetingState meeting, Instant end) {
        if (meeting.end() == null && end != null) {
            meetings.keepEnd(meeting.icalUid(), end);
        }
    }
}

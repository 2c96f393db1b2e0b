package io.schedulr.calcom.application.service;

import io.schedulr.calcom.application.port.in.FindMissedChangesUseCase;
import io.schedulr.calcom.application.port.in.FindUnknownBookingsUseCase;
import io.schedulr.calcom.application.port.in.LookUpMissedChangesUseCase;
import io.schedulr.calcom.application.port.in.ReceiveBookingChangeCommand;
import io.schedulr.calcom.application.port.in.ReceiveBookingChangeUseCase;
import io.schedulr.calcom.application.port.in.WebhookReceipt;
import io.schedulr.calcom.application.port.out.CalcomApi.CreatedBooking;
import io.schedulr.calcom.application.port.out.CalcomException;
import io.schedulr.calcom.application.port.out.LookUpEvidence;
import io.schedulr.calcom.application.port.out.MadeBookings.MadeBooking;
import io.schedulr.calcom.application.port.out.MissedChangesMeter;
import io.schedulr.calcom.application.port.out.Transactions;
import io.schedulr.calcom.domain.webhook.BookingChange;
import io.schedulr.calcom.domain.webhook.MeetingState;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A round of look-ups at Cal.com for changes its webhooks never told: the meetings due, each alone (one that fails is
 * logged and looked up again later, the others go on); then, when due, Cal.com's list of bookings, for those made there
 * whose creation was never announced; then the bookings whose creation was not announced (made here, or so found).
 * Cal.com is asked outside any transaction, and what it shows is taken in one transaction per meeting as a delivery
 * would be. A round stops at Cal.com's rate limit, and before it: when the key's window is nearly spent, the rest is left to
 * the people using the app.
 */
public class LookUpRoundService implements LookUpMissedChangesUseCase {
    private static final System.Logger LOG = System.getLogger(LookUpRoundService.class.getName());

    private final FindMissedChangesUseCase finder;
    private final FindUnknownBookingsUseCase unknown;
    private final ReceiveBookingChangeUseCase receiver;
    private final Transactions tx;
    private final LookUpEvidence evidence;
    private final MissedChangesMeter meter;
    private final Duration atMost;

    /** @param atMost how long one answer of Cal.com is waited for */
    public LookUpRoundService(FindMissedChangesUseCase finder, FindUnknownBookingsUseCase unknown, ReceiveBookingChangeUseCase receiver,
                              Transactions tx, LookUpEvidence evidence, MissedChangesMeter meter, Duration atMost) {
        this.finder = finder;
        this.unknown = unknown;
        this.receiver = receiver;
        this.tx = tx;
        this.evidence = evidence;
        this.meter = meter;
        this.atMost = atMost;
    }

    @Override
    public int lookUpDue() {
        int announced = 0;
        if (leftToPeople()) {
            return announced;
        }
        List<MeetingState> claimed = tx.call(finder::claimDue);
        for (int i = 0; i < claimed.size(); i++) {
            MeetingState meeting = claimed.get(i);
            if (leftToPeople()) {
                giveBack(claimed.subList(i, claimed.size()), finder::giveBack, "meetings");
                return announced;
            }
            try {
                announced += take(finder.lookUp(meeting).await().atMost(atMost), found -> finder.keepEnd(meeting, found.end()));
            } catch (CalcomException e) {
                if (pausesTheRound(e)) {
                    giveBack(claimed.subList(i, claimed.size()), finder::giveBack, "meetings");
                    return announced;
                }
                if (e.kind() == CalcomException.Kind.NOT_FOUND) {
                    tx.run(() -> finder.notFound(meeting));
                }
                LOG.log(Level.WARNING, () -> String.format("meeting %s: Cal.com could not be asked for missed changes of booking %s (%s): %s",
                        meeting.icalUid(), meeting.uid(), meeting.end() == null && e.kind() == CalcomException.Kind.NOT_FOUND
                                ? "not looked up again" : "looked up again later", e.getMessage()));
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, () -> String.format("meeting %s: missed Cal.com changes could not be taken (looked up again later): %s",
                        meeting.icalUid(), e));
            }
        }
        if (leftToPeople() || readListOfBookings().paused()) {
            return announced;
        }
        List<MadeBooking> claimedMade = tx.call(finder::claimMadeDue);
        for (int i = 0; i < claimedMade.size(); i++) {
            MadeBooking made = claimedMade.get(i);
            if (leftToPeople()) {
                giveBack(claimedMade.subList(i, claimedMade.size()), finder::giveBackMade, "bookings made here");
                return announced;
            }
            try {
                announced += take(finder.lookUp(made).await().atMost(atMost), found -> {
                    if (found.awaitingHost()) {
                        LOG.log(Level.INFO, () -> String.format("meeting %s: booking %s, made here, waits for its host's confirmation on Cal.com "
                                + "(looked up again later)", made.icalUid(), made.uid()));
                    } else {
                        finder.forget(made);
                    }
                });
            } catch (CalcomException e) {
                if (pausesTheRound(e)) {
                    giveBack(claimedMade.subList(i, claimedMade.size()), finder::giveBackMade, "bookings made here");
                    return announced;
                }
                LOG.log(Level.WARNING, () -> String.format("meeting %s: Cal.com could not be asked for booking %s, made here, whose creation never "
                        + "came (looked up again later): %s", made.icalUid(), made.uid(), e.getMessage()));
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, () -> String.format("meeting %s: booking %s, made here, could not be taken (looked up again later): %s",
                        made.icalUid(), made.uid(), e));
            }
        }
        return announced;
    }

    /**
     * Reads Cal.com's list of bookings when due, remembering those made there that nobody here heard of, so that the
     * look-ups of bookings whose creation never came take them too.
     */
    @Override
    public Reading readListOfBookings() {
        List<CreatedBooking> remembered = new ArrayList<>();
        Optional<Instant> from = tx.call(unknown::claimListing);
        if (from.isEmpty()) {
            return new Reading(remembered, false);
        }
        try {
            FindUnknownBookingsUseCase.Listed listed = unknown.list(from.get()).await().atMost(atMost);
            for (CreatedBooking found : listed.bookings()) {
                Optional<Boolean> kept = remember(found);
                if (kept.isEmpty() && tx.call(() -> unknown.readAgainFrom(listed, found))) {
                    return new Reading(remembered, false);
                }
                if (kept.orElse(false)) {
                    remembered.add(found);
                }
            }
            tx.run(() -> unknown.listed(listed));
        } catch (CalcomException e) {
            if (pausesTheRound(e)) {
                return new Reading(remembered, true);
            }
            LOG.log(Level.WARNING, () -> String.format("Cal.com's bookings made since %s could not be listed (read again at the next listing): %s",
                    from.get(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, () -> String.format("Cal.com's bookings made since %s could not be taken (read again at the next listing): %s",
                    from.get(), e));
        }
        return new Reading(remembered, false);
    }

    /**
     * One listed booking, in a transaction of its own: whether it was remembered, or empty when it could not be kept
     * (logged): the list is then read again from just before it, or, if it had that chance already, it is left out and
     * the others go on.
     */
    private Optional<Boolean> remember(CreatedBooking found) {
        try {
            boolean unknownHere = tx.call(() -> unknown.rememberIfUnknown(found));
            if (unknownHere) {
                LOG.log(Level.WARNING, () -> String.format("meeting %s: booking %s, made on Cal.com at %s, was never announced (its webhook never "
                        + "came); looked up now", found.booking().icsUid(), found.booking().uid(), found.createdAt()));
            }
            return Optional.of(unknownHere);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, () -> String.format("meeting %s: booking %s, listed by Cal.com, could not be kept for its look-up (read again at "
                    + "the next listing, or left out if it was read again already): %s", found.booking().icsUid(), found.booking().uid(), e));
            return Optional.empty();
        }
    }

    /**
     * What a stopped round claimed but did not get an answer about ({@code notAsked}, handed to {@code giveBack} in a
     * transaction) is due again at the next round, not after the interval; a failure here only leaves it waiting, as before.
     */
    private <T> void giveBack(List<T> notAsked, Consumer<List<T>> giveBack, String what) {
        List<T> rest = List.copyOf(notAsked);
        try {
            tx.run(() -> giveBack.accept(rest));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> what + " claimed by a stopped round wait their interval: " + e);
        }
    }

    /** Whether the rest of Cal.com's rate-limit window is left to the people using the app: the round stops here. */
    private boolean leftToPeople() {
        if (finder.mayAskCalcom()) {
            return false;
        }
        LOG.log(Level.INFO, "Cal.com look-ups paused until the next round: the API key's rate-limit window is nearly spent, the rest is left "
                + "to people");
        return true;
    }

    private static boolean pausesTheRound(CalcomException e) {
        if (e.kind() == CalcomException.Kind.RATE_LIMITED || e.kind() == CalcomException.Kind.NOT_CONFIGURED
                || e.kind() == CalcomException.Kind.KEY_REJECTED) {
            LOG.log(Level.WARNING, () -> "Cal.com look-ups paused until the next round: " + e.getMessage());
            return true;
        }
        return false;
    }

    /** Takes what a look-up found as deliveries, then {@code afterwards}, in one transaction. */
    private int take(FindMissedChangesUseCase.LookedUp found, Consumer<FindMissedChangesUseCase.LookedUp> afterwards) {
        return tx.call(() -> {
            int published = 0;
            for (BookingChange change : found.missed()) {
                if (!change.kind().ordersTheMeeting() && receiver.taken(change)) {
                    // A booking that still waits for its host: its request went out once (by webhook or a look-up) and is not
                    // taken again at every look-up.
                    continue;
                }
                WebhookReceipt receipt = receiver.receive(new ReceiveBookingChangeCommand(change, evidence.of(found.from(), change)));
                if (receipt == WebhookReceipt.DUPLICATE || receipt == WebhookReceipt.STALE) {
                    LOG.log(Level.INFO, () -> String.format("meeting %s: %s (sequence %d) found at Cal.com, taken already: %s", change.icalUid(),
                            change.kind().trigger(), change.bookingSequence(), receipt.wire()));
                } else {
                    LOG.log(Level.WARNING, () -> String.format("meeting %s: %s (sequence %d) found at Cal.com, its webhook never came: %s",
                            change.icalUid(), change.kind().trigger(), change.bookingSequence(), receipt.wire()));
                }
                if (receipt == WebhookReceipt.PUBLISHED) {
                    finder.announced(change);
                    meter.announced(change.kind());
                    published++;
                }
            }
            afterwards.accept(found);
            return published;
        });
    }
}

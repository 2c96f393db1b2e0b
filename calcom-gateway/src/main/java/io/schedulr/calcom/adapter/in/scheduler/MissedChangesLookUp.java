package io.schedulr.calcom.adapter.in.scheduler;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.schedulr.calcom.application.port.in.FindMissedChangesUseCase;
import io.schedulr.calcom.application.port.in.FindUnknownBookingsUseCase;
import io.schedulr.calcom.application.port.in.ReceiveBookingChangeCommand;
import io.schedulr.calcom.application.port.in.ReceiveBookingChangeUseCase;
import io.schedulr.calcom.application.port.in.WebhookReceipt;
import io.schedulr.calcom.application.port.out.CalcomApi;
import io.schedulr.calcom.application.port.out.CalcomException;
import io.schedulr.calcom.application.port.out.MadeBookings.MadeBooking;
import io.schedulr.calcom.domain.webhook.BookingChange;
import io.schedulr.calcom.domain.webhook.MeetingState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
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
@ApplicationScoped
public class MissedChangesLookUp {
    private static final Logger LOG = Logger.getLogger(MissedChangesLookUp.class);
    private static final Duration AT_MOST = Duration.ofMinutes(2);

    @Inject
    FindMissedChangesUseCase finder;
    @Inject
    FindUnknownBookingsUseCase unknown;
    @Inject
    ReceiveBookingChangeUseCase receiver;
    @Inject
    LookUpEvidence evidence;
    @Inject
    LookUpMeters meters;

    @Scheduled(identity = "calcom-missed-changes", every = "${calcom.look-up.every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        lookUpDue();
    }

    /** One round; returns how many changes were announced. */
    public int lookUpDue() {
        int announced = 0;
        if (leftToPeople()) {
            return announced;
        }
        for (MeetingState meeting : QuarkusTransaction.requiringNew().call(finder::claimDue)) {
            if (leftToPeople()) {
                return announced;
            }
            try {
                announced += take(finder.lookUp(meeting).await().atMost(AT_MOST), found -> finder.keepEnd(meeting, found.end()));
            } catch (CalcomException e) {
                if (pausesTheRound(e)) {
                    return announced;
                }
                if (e.kind() == CalcomException.Kind.NOT_FOUND) {
                    QuarkusTransaction.requiringNew().run(() -> finder.notFound(meeting));
                }
                LOG.warnf("meeting %s: Cal.com could not be asked for missed changes of booking %s (%s): %s", meeting.icalUid(),
                        meeting.uid(), meeting.end() == null && e.kind() == CalcomException.Kind.NOT_FOUND ? "not looked up again"
                                : "looked up again later", e.getMessage());
            } catch (RuntimeException e) {
                LOG.errorf("meeting %s: missed Cal.com changes could not be taken (looked up again later): %s", meeting.icalUid(), e.toString());
            }
        }
        if (leftToPeople() || !listUnknownBookings()) {
            return announced;
        }
        for (MadeBooking made : QuarkusTransaction.requiringNew().call(finder::claimMadeDue)) {
            if (leftToPeople()) {
                return announced;
            }
            try {
                announced += take(finder.lookUp(made).await().atMost(AT_MOST), found -> finder.forget(made));
            } catch (CalcomException e) {
                if (pausesTheRound(e)) {
                    return announced;
                }
                LOG.warnf("meeting %s: Cal.com could not be asked for booking %s, made here, whose creation never came (looked up "
                        + "again later): %s", made.icalUid(), made.uid(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.errorf("meeting %s: booking %s, made here, could not be taken (looked up again later): %s", made.icalUid(), made.uid(),
                        e.toString());
            }
        }
        return announced;
    }

    /**
     * Reads Cal.com's list of bookings when due, remembering those made there that nobody here heard of, so that the
     * look-ups of bookings whose creation never came take them too. Answers false when the round should pause.
     */
    private boolean listUnknownBookings() {
        Optional<Instant> from = QuarkusTransaction.requiringNew().call(unknown::claimListing);
        if (from.isEmpty()) {
            return true;
        }
        try {
            FindUnknownBookingsUseCase.Listed listed = unknown.list(from.get()).await().atMost(AT_MOST);
            for (CalcomApi.CreatedBooking found : listed.bookings()) {
                if (!remember(found) && QuarkusTransaction.requiringNew().call(() -> unknown.readAgainFrom(listed, found))) {
                    return true;
                }
            }
            QuarkusTransaction.requiringNew().run(() -> unknown.listed(listed));
        } catch (CalcomException e) {
            if (pausesTheRound(e)) {
                return false;
            }
            LOG.warnf("Cal.com's bookings made since %s could not be listed (read again at the next listing): %s", from.get(),
                    e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf("Cal.com's bookings made since %s could not be taken (read again at the next listing): %s", from.get(),
                    e.toString());
        }
        return true;
    }

    /**
     * One listed booking, in a transaction of its own; answers false when it could not be kept (logged): the list is then
     * read again from just before it, or, if it had that chance already, it is left out and the others go on.
     */
    private boolean remember(CalcomApi.CreatedBooking found) {
        try {
            if (QuarkusTransaction.requiringNew().call(() -> unknown.rememberIfUnknown(found))) {
                LOG.warnf("meeting %s: booking %s, made on Cal.com at %s, was never announced (its webhook never came); looked up now",
                        found.booking().icsUid(), found.booking().uid(), found.createdAt());
            }
            return true;
        } catch (RuntimeException e) {
            LOG.errorf("meeting %s: booking %s, listed by Cal.com, could not be kept for its look-up (read again at the next "
                    + "listing, or left out if it was read again already): %s", found.booking().icsUid(), found.booking().uid(), e.toString());
            return false;
        }
    }

    /** Whether the rest of Cal.com's rate-limit window is left to the people using the app: the round stops here. */
    private boolean leftToPeople() {
        if (finder.mayAskCalcom()) {
            return false;
        }
        LOG.info("Cal.com look-ups paused until the next round: the API key's rate-limit window is nearly spent, the rest is left "
                + "to people");
        return true;
    }

    private static boolean pausesTheRound(CalcomException e) {
        if (e.kind() == CalcomException.Kind.RATE_LIMITED || e.kind() == CalcomException.Kind.NOT_CONFIGURED
                || e.kind() == CalcomException.Kind.KEY_REJECTED) {
            LOG.warnf("Cal.com look-ups paused until the next round: %s", e.getMessage());
            return true;
        }
        return false;
    }

    /** Takes what a look-up found as deliveries, then {@code afterwards}, in one transaction. */
    private int take(FindMissedChangesUseCase.LookedUp found, Consumer<FindMissedChangesUseCase.LookedUp> afterwards) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int published = 0;
            for (BookingChange change : found.missed()) {
                WebhookReceipt receipt = receiver.receive(new ReceiveBookingChangeCommand(change, evidence.of(found.from(), change)));
                if (receipt == WebhookReceipt.DUPLICATE || receipt == WebhookReceipt.STALE) {
                    LOG.infof("meeting %s: %s (sequence %d) found at Cal.com, taken already: %s", change.icalUid(),
                            change.kind().trigger(), change.sequence(), receipt.wire());
                } else {
                    LOG.warnf("meeting %s: %s (sequence %d) found at Cal.com, its webhook never came: %s", change.icalUid(),
                            change.kind().trigger(), change.sequence(), receipt.wire());
                }
                if (receipt == WebhookReceipt.PUBLISHED) {
                    finder.announced(change);
                    meters.announced(change.kind());
                    published++;
                }
            }
            afterwards.accept(found);
            return published;
        });
    }
}

package io.schedulr.calcom.application.service;

import io.schedulr.calcom.application.port.in.ReceiveBookingChangeCommand;
import io.schedulr.calcom.application.port.in.ReceiveBookingChangeUseCase;
import io.schedulr.calcom.application.port.in.ReleaseHeldChangesUseCase;
import io.schedulr.calcom.application.port.in.WebhookReceipt;
import io.schedulr.calcom.application.port.out.BookingEventsPort;
import io.schedulr.calcom.application.port.out.MeetingLedger;
import io.schedulr.calcom.application.port.out.WebhookDeliveryLog;
import io.schedulr.calcom.domain.webhook.BookingChange;
import io.schedulr.calcom.domain.webhook.ChangeKind;
import io.schedulr.calcom.domain.webhook.MeetingState;
import io.schedulr.calcom.domain.webhook.OrderVerdict;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cal.com booking deliveries → one announcement per change, in meeting order. A change already taken is a duplicate; a
 * change ahead of its predecessor waits (held) up to {@code reorderWindow}; a change behind what was announced is
 * stale. Every authentic delivery is kept for audit with its outcome.
 */
public class BookingWebhookService implements ReceiveBookingChangeUseCase, ReleaseHeldChangesUseCase {
    private final WebhookDeliveryLog deliveries;
    private final MeetingLedger meetings;
    private final BookingEventsPort events;
    private final Clock clock;
    private final Duration reorderWindow;

    public BookingWebhookService(WebhookDeliveryLog deliveries, MeetingLedger meetings, BookingEventsPort events, Clock clock,
                                 Duration reorderWindow) {
        this.deliveries = Objects.requireNonNull(deliveries);
        this.meetings = Objects.requireNonNull(meetings);
        this.events = Objects.requireNonNull(events);
        this.clock = Objects.requireNonNull(clock);
        this.reorderWindow = Objects.requireNonNull(reorderWindow);
    }

    @Override
    public WebhookReceipt receive(ReceiveBookingChangeCommand command) {
        BookingChange change = command.change();
        String trigger = change.kind().trigger();
        WebhookReceipt receipt = take(change);
        deliveries.audit(change.dedupKey(), trigger, command.rawBody(), receipt);
        return receipt;
    }

    @Override
    public boolean taken(BookingChange change) {
        return deliveries.processed(change.dedupKey());
    }

    private WebhookReceipt take(BookingChange change) {
        if (!deliveries.markProcessed(change.dedupKey(), change.kind().trigger())) {
            return WebhookReceipt.DUPLICATE;
        }
        MeetingState state = meetings.lock(change.icalUid()).orElse(null);
        return switch (MeetingState.judge(state, change)) {
            case STALE -> WebhookReceipt.STALE;
            case EARLY -> {
                meetings.hold(change, clock.instant());
                yield WebhookReceipt.HELD;
            }
            case NEXT -> {
                if (!change.kind().ordersTheMeeting()) {
                    events.announce(change);
                    yield WebhookReceipt.PUBLISHED;
                }
                state = announce(state, change);
                drain(change.icalUid(), state, Instant.MIN);
                yield WebhookReceipt.PUBLISHED;
            }
        };
    }

    @Override
    public List<String> meetingsWithOverdueChanges() {
        return meetings.meetingsHoldingSince(clock.instant().minus(reorderWindow));
    }

    @Override
    public int releaseOverdue(String icalUid) {
        MeetingState state = meetings.lock(icalUid).orElse(null);
        return drain(icalUid, state, clock.instant().minus(reorderWindow));
    }

    /**
     * Announces held changes that now follow, in meeting order; a held change received before {@code overdueBefore}
     * goes out even with a gap before it (its predecessor is presumed lost). Returns how many were announced.
     */
    private int drain(String icalUid, MeetingState state, Instant overdueBefore) {
        int announced = 0;
        List<MeetingLedger.HeldChange> held = new ArrayList<>(meetings.held(icalUid));
        boolean again = true;
        while (again) {
            again = false;
            for (MeetingLedger.HeldChange waiting : held) {
                BookingChange change = waiting.change();
                OrderVerdict verdict = MeetingState.judge(state, change);
                if (verdict == OrderVerdict.STALE) {
                    meetings.release(change);
                    held.remove(waiting);
                    again = true;
                    break;
                }
                if (verdict == OrderVerdict.EARLY) {
                    if (cancelsAHeldBooking(change, held)) {
                        // Told at its booking's own sequence, it sorts just before that booking: it follows it once it is out.
                        continue;
                    }
                    if (!waiting.receivedAt().isBefore(overdueBefore)) {
                        break;
                    }
                }
                meetings.release(change);
                held.remove(waiting);
                state = announce(state, change);
                announced++;
                again = true;
                break;
            }
        }
        return announced;
    }

    private static boolean cancelsAHeldBooking(BookingChange change, List<MeetingLedger.HeldChange> held) {
        return change.kind() == ChangeKind.CANCELLED && held.stream().map(MeetingLedger.HeldChange::change)
                .anyMatch(h -> h.kind() != ChangeKind.CANCELLED && h.kind().ordersTheMeeting() && h.uid().equals(change.uid()));
    }

    /**
     * Announces {@code change} after {@code state} (a cancellation with its booking's sequence) and keeps the new state. A
     * host's request for a new time keeps the meeting looked up at Cal.com, as a cancellation a look-up found does: the
     * attendee's new booking is announced even if its webhook never comes.
     */
    private MeetingState announce(MeetingState state, BookingChange change) {
        BookingChange told = MeetingState.asAnnounced(state, change);
        events.announce(told);
        MeetingState next = MeetingState.after(told);
        meetings.save(next);
        if (told.kind() == ChangeKind.CANCELLED && told.requestReschedule()) {
            meetings.keepLooking(told.icalUid());
        }
        return next;
    }
}
